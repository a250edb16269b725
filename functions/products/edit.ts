import { ok, route } from '../../lib/http/route';
import { productAnswer } from '../../lib/products/routes';
import { normalizeContent, toProviderView } from '../../lib/products/model';
import { editProduct } from '../../lib/products/repository';
import { editProductBody, productIdParams } from '../../lib/products/schemas';
import { rolesFor } from '../../lib/providers/roles';

/** PATCH /provider/products/{productId} — 修改 the draft, or the pending revision of a listed product. */
export const handler = route(
  { access: ['provider'], memberRoles: rolesFor('products'), idempotent: 'edit-product', reread: productAnswer, params: productIdParams, body: editProductBody },
  async ({ user, params, body, now }) => ok(toProviderView(await editProduct(user, params.productId, normalizeContent(body), now))),
);
