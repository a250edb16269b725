import { route } from '../../lib/http/route';
import { deleteUnlistedProduct } from '../../lib/products/repository';
import { productIdParams } from '../../lib/products/schemas';

/** DELETE /provider/products/{productId} — delete a product buyers never saw (409 once it was ever listed). */
export const handler = route({ access: ['provider'], idempotent: 'delete-product', params: productIdParams }, async ({ user, params }) => {
  await deleteUnlistedProduct(user, params.productId);
  return { status: 204 };
});
