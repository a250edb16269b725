import { orderCommandRoute } from '../../lib/orders/routes';
import { messageBody } from '../../lib/orders/schemas';

/** POST /orders/{orderId}/messages — 沟通: a message in the timeline, optionally with attachments. */
export const handler = orderCommandRoute('message', messageBody, { bySide: true });
