import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/appeal — 申诉 when the other party has stalled, or after repeated rejections. */
export const handler = orderCommandRoute('appeal');
