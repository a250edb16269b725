import { ok, route } from '../../lib/http/route';
import { productAnswer } from '../../lib/products/routes';
import { toProviderView } from '../../lib/products/model';
import { changeProductStatus } from '../../lib/products/repository';
import { productIdParams } from '../../lib/products/schemas';
import { rolesFor } from '../../lib/providers/roles';

/** POST /provider/products/{productId}/delist — 下架: hide a listed product from the catalogue. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('products'), idempotent: 'delist-product', reread: productAnswer, params: productIdParams }, async ({ user, params, now }) =>
  ok(toProviderView(await changeProductStatus(user, params.productId, 'delist', {}, now))),
);
