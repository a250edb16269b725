import { ok, route } from '../../lib/http/route';
import { productAnswer } from '../../lib/products/routes';
import { toProviderView } from '../../lib/products/model';
import { productIdParams } from '../../lib/products/schemas';
import { submitProduct } from '../../lib/saas/gate';
import { rolesFor } from '../../lib/providers/roles';

/**
 * POST /provider/products/{productId}/submit — 提交: send the draft or the pending revision for review; a SaaS
 * product only once 接口调试 passed against the saved endpoint (409 SAAS_CHECKS_MISSING).
 */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('products'), idempotent: 'submit-product', reread: productAnswer, params: productIdParams }, async ({ user, params, now }) =>
  ok(toProviderView(await submitProduct(user, params.productId, now))),
);
