import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/change-plan — 变更规格: the buyer moves an active SaaS instance to another plan. */
export const handler = orderCommandRoute('change-plan');
