import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/reject-completion — 驳回验收, with a reason. */
export const handler = orderCommandRoute('reject-completion');
