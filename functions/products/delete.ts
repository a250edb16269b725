import { route } from '../../lib/http/route';
import { deleteUnlistedProduct } from '../../lib/products/repository';
import { productIdParams } from '../../lib/products/schemas';
import { rolesFor } from '../../lib/providers/roles';

/** DELETE /provider/products/{productId} — delete a product buyers never saw (409 once it was ever listed). */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('products'), idempotent: 'delete-product', params: productIdParams }, async ({ user, params }) => {
  await deleteUnlistedProduct(user, params.productId);
  return { status: 204 };
});
