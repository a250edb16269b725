import { ok, route } from '../../lib/http/route';
import { productAnswer } from '../../lib/products/routes';
import { takedownBody } from '../../lib/operator/schemas';
import { toProviderView } from '../../lib/products/model';
import { changeProductStatus } from '../../lib/products/repository';
import { productIdParams } from '../../lib/products/schemas';

/** POST /operator/products/{productId}/delist — 违规下架: a platform takedown with a reason; the provider is notified. */
export const handler = route(
  { access: ['operator'], readsMemberships: true, idempotent: 'takedown-product', reread: productAnswer, params: productIdParams, body: takedownBody },
  async ({ user, params, body, now }) => ok(toProviderView(await changeProductStatus(user, params.productId, 'takedown', body, now))),
);
