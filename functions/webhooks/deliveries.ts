import { ok, route } from '../../lib/http/route';
import { listDeliveries } from '../../lib/webhooks/repository';
import { deliveriesQuery } from '../../lib/webhooks/schemas';
import { toDeliveryView } from '../../lib/webhooks/views';

/** GET /provider/webhook/deliveries — recent deliveries with their status and every attempt. */
export const handler = route({ access: ['provider'], query: deliveriesQuery }, async ({ user, query }) => {
  const page = await listDeliveries(user.id, query);
  return ok({ items: page.items.map(toDeliveryView), nextCursor: page.nextCursor });
});
