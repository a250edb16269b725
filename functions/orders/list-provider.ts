import { ok, route } from '../../lib/http/route';
import { languageOf, toOrderSummary } from '../../lib/orders/model';
import { listOrders } from '../../lib/orders/repository';
import { orderListQuery } from '../../lib/orders/schemas';
import { providerIdOf } from '../../lib/providers/access';

/** GET /provider/orders — own orders, newest first; status, product, purchase- and completion-time filters. */
export const handler = route({ access: ['provider'], query: orderListQuery }, async ({ user, query, headers }) => {
  const page = await listOrders({ providerId: providerIdOf(user) }, query);
  return ok({ items: page.items.map((o) => toOrderSummary(o, languageOf(headers))), nextCursor: page.nextCursor });
});
