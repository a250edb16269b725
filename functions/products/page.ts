import { ok, route } from '../../lib/http/route';
import { toCatalogView } from '../../lib/products/model';
import { getListedProduct } from '../../lib/products/repository';
import { productIdParams } from '../../lib/products/schemas';

/** GET /products/{productId} — 查看: the product page as buyers see it; 404 unless listed. */
export const handler = route({ access: 'public', params: productIdParams }, async ({ params }) =>
  ok(toCatalogView(await getListedProduct(params.productId))),
);
