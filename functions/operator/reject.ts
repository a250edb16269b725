import { ok, route } from '../../lib/http/route';
import { productAnswer } from '../../lib/products/routes';
import { toProviderView } from '../../lib/products/model';
import { changeProductStatus } from '../../lib/products/repository';
import { productIdParams, rejectBody } from '../../lib/products/schemas';

/** POST /operator/products/{productId}/reject — 审核驳回 with a reason. */
export const handler = route(
  { access: ['operator'], readsMemberships: true, idempotent: 'reject-product', reread: productAnswer, params: productIdParams, body: rejectBody },
  async ({ user, params, body, now }) => ok(toProviderView(await changeProductStatus(user, params.productId, 'reject', body, now))),
);
