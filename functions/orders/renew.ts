import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/renew — 续费: the buyer extends a SaaS instance (also after it expired). */
export const handler = orderCommandRoute('renew');
