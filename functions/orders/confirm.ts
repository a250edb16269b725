import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/confirm — 用户-确认完成. */
export const handler = orderCommandRoute('confirm');
