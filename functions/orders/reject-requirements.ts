import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/requirements/reject — 驳回需求, with a reason. */
export const handler = orderCommandRoute('reject-requirements');
