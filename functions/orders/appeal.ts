import { orderCommandRoute } from '../../lib/orders/routes';
import { reasonBody } from '../../lib/orders/schemas';

/** POST /orders/{orderId}/appeal — 申诉 when the other party has stalled, or after repeated rejections. */
export const handler = orderCommandRoute('appeal', reasonBody);
