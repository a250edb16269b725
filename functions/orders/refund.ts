import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/refund — 申请退款: the buyer of a SaaS order, within 5 days of the purchase. */
export const handler = orderCommandRoute('refund');
