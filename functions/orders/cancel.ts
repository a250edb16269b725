import { orderCommandRoute } from '../../lib/orders/routes';
import { optionalReasonBody } from '../../lib/orders/schemas';

/** POST /orders/{orderId}/cancel — the buyer cancels before work starts; full refund. */
export const handler = orderCommandRoute('cancel', optionalReasonBody);
