import { config } from '../../lib/config';
import { created, route } from '../../lib/http/route';
import { normalizeContent, toProviderView } from '../../lib/products/model';
import { createProduct } from '../../lib/products/repository';
import { createProductBody } from '../../lib/products/schemas';
import { idempotencyOf } from '../../lib/shared/idempotency';
import { rolesFor } from '../../lib/providers/roles';

/** POST /provider/products — 商品接入: create a draft. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('products'), body: createProductBody }, async (req) =>
  createProduct(req.user, normalizeContent(req.body), req.now, idempotencyOf(req, 'create-product'), (p) =>
    created(toProviderView(p)),
    config.rateLimits.products,
  ),
);
