import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/urge — 催促 the buyer, at most once per interval. */
export const handler = orderCommandRoute('urge');
