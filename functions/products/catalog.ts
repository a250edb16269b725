import { ok, route } from '../../lib/http/route';
import { toCatalogListItem } from '../../lib/products/model';
import { listCatalog } from '../../lib/products/repository';
import { catalogQuery } from '../../lib/products/schemas';

/** GET /products — the catalogue of listed products; filter serviceType. */
export const handler = route({ access: 'public', query: catalogQuery }, async ({ query }) => {
  const page = await listCatalog(query);
  return ok({ items: page.items.map(toCatalogListItem), nextCursor: page.nextCursor });
});
