import { ok, route } from '../../lib/http/route';
import { searchOrders } from '../../lib/operator/repository';
import { operatorOrdersQuery } from '../../lib/operator/schemas';
import { languageOf, toOrderView } from '../../lib/orders/model';

/** GET /operator/orders — every order; status (disputed: the appeal queue), orderId, providerId, buyerId, purchase time. */
export const handler = route({ access: ['operator'], query: operatorOrdersQuery }, async ({ query, headers }) => {
  const page = await searchOrders(query);
  return ok({ items: page.items.map((o) => toOrderView(o, languageOf(headers), undefined, { reader: 'operator' })), nextCursor: page.nextCursor });
});
