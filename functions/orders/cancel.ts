import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/cancel — the buyer cancels before work starts; full refund. */
export const handler = orderCommandRoute('cancel');
