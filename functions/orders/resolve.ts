import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /operator/orders/{orderId}/resolve — the operator settles a dispute. */
export const handler = orderCommandRoute('resolve');
