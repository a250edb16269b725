import { ok, route } from '../../lib/http/route';
import { productAnswer } from '../../lib/products/routes';
import { toProviderView } from '../../lib/products/model';
import { changeProductStatus } from '../../lib/products/repository';
import { productIdParams } from '../../lib/products/schemas';
import { rolesFor } from '../../lib/providers/roles';

/** POST /provider/products/{productId}/withdraw — 撤销审核: take the submission back to draft. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('products'), idempotent: 'withdraw-product', reread: productAnswer, params: productIdParams }, async ({ user, params, now }) =>
  ok(toProviderView(await changeProductStatus(user, params.productId, 'withdraw', {}, now))),
);
