import { orderCommandRoute } from '../../lib/orders/routes';
import { resolveBody } from '../../lib/orders/schemas';

/** POST /operator/orders/{orderId}/resolve — the operator settles a dispute. */
export const handler = orderCommandRoute('resolve', resolveBody);
