import { ok, route } from '../../lib/http/route';
import { languageOf, toOrderSummary } from '../../lib/orders/model';
import { listOrders } from '../../lib/orders/repository';
import { orderListQuery } from '../../lib/orders/schemas';

/** GET /buyer/orders — own orders, newest first. */
export const handler = route({ access: ['buyer'], query: orderListQuery }, async ({ user, query, headers }) => {
  const page = await listOrders({ buyerId: user.id }, query);
  return ok({ items: page.items.map((o) => toOrderSummary(o, languageOf(headers))), nextCursor: page.nextCursor });
});
