import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/start — 服务商-开始实施. */
export const handler = orderCommandRoute('start');
