import { orderCommandRoute } from '../../lib/orders/routes';
import { completeBody } from '../../lib/orders/schemas';

/** POST /orders/{orderId}/complete — 服务商-实施完成, with a delivery note and, optionally, attachments. */
export const handler = orderCommandRoute('complete', completeBody);
