import { ok, route } from '../../lib/http/route';
import { searchProducts } from '../../lib/operator/repository';
import { operatorProductsQuery } from '../../lib/operator/schemas';
import { toProductRow } from '../../lib/products/model';

/** GET /operator/products — every product, newest first; filters status, providerId, serviceType. */
export const handler = route({ access: ['operator'], query: operatorProductsQuery }, async ({ query }) => {
  const page = await searchProducts(query);
  return ok({ items: page.items.map(toProductRow), nextCursor: page.nextCursor });
});
