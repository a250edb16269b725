import { ok, route } from '../../lib/http/route';
import { searchOrders } from '../../lib/operator/repository';
import { operatorOrdersQuery } from '../../lib/operator/schemas';
import { languageOf, toOrderSummary } from '../../lib/orders/model';

/** GET /operator/orders — every order; status (disputed: the appeal queue), orderId, providerId, buyerId, purchase time. */
export const handler = route({ access: ['operator'], query: operatorOrdersQuery }, async ({ query, headers }) => {
  const page = await searchOrders(query);
  return ok({ items: page.items.map((o) => toOrderSummary(o, languageOf(headers))), nextCursor: page.nextCursor });
});
