import { ok, route } from '../../lib/http/route';
import { productAnswer } from '../../lib/products/routes';
import { toProviderView } from '../../lib/products/model';
import { changeProductStatus } from '../../lib/products/repository';
import { productIdParams, reviewDecisionBody } from '../../lib/products/schemas';

/** POST /operator/products/{productId}/approve — approve the submitted version (the one reviewed, when sent). */
export const handler = route(
  { access: ['operator'], readsMemberships: true, idempotent: 'approve-product', reread: productAnswer, params: productIdParams, body: reviewDecisionBody },
  async ({ user, params, body, now }) => ok(toProviderView(await changeProductStatus(user, params.productId, 'approve', body, now))),
);
