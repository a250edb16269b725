import { ok, route } from '../../lib/http/route';
import { listDeliveries } from '../../lib/webhooks/repository';
import { deliveriesQuery } from '../../lib/webhooks/schemas';
import { toDeliveryView } from '../../lib/webhooks/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** GET /provider/webhook/deliveries — recent deliveries with their status and every attempt. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('administer'), query: deliveriesQuery }, async ({ user, query }) => {
  const page = await listDeliveries(providerIdOf(user), query);
  return ok({ items: page.items.map(toDeliveryView), nextCursor: page.nextCursor });
});
