import { ok, route } from '../../lib/http/route';
import { toCatalogView } from '../../lib/products/model';
import { getListedProduct } from '../../lib/products/repository';
import { productIdParams } from '../../lib/products/schemas';
import { stockOfPlans } from '../../lib/codes/stock';

/** GET /products/{productId} — 查看: the product page as buyers see it; 404 unless listed; a code product with its codes left. */
export const handler = route({ access: 'public', params: productIdParams }, async ({ params }) => {
  const product = await getListedProduct(params.productId);
  return ok(toCatalogView(product, product.live?.delivery === 'code' ? await stockOfPlans(product.productId) : undefined));
});
