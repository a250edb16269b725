import { ok, route } from '../../lib/http/route';
import { toProductRow } from '../../lib/products/model';
import { listProviderProducts } from '../../lib/products/repository';
import { providerProductsQuery } from '../../lib/products/schemas';

/** GET /provider/products — own products, newest first; filters serviceType and status. */
export const handler = route({ access: ['provider'], query: providerProductsQuery }, async ({ user, query }) => {
  const page = await listProviderProducts(user, query);
  return ok({ items: page.items.map(toProductRow), nextCursor: page.nextCursor });
});
