import { NotFoundError } from '../../lib/http/errors';
import { ok, route } from '../../lib/http/route';
import { toCatalogView } from '../../lib/products/model';
import { getProduct } from '../../lib/products/repository';
import { productIdParams } from '../../lib/products/schemas';

/** GET /products/{productId} — 查看: the product page as buyers see it; 404 unless listed. */
export const handler = route({ access: 'public', params: productIdParams }, async ({ params }) => {
  const product = await getProduct(params.productId);
  if (!product || product.listing !== 'listed') throw new NotFoundError('The product');
  return ok(toCatalogView(product));
});
