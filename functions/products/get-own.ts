import { ok, route } from '../../lib/http/route';
import { toProviderView } from '../../lib/products/model';
import { getOwnProduct } from '../../lib/products/repository';
import { productIdParams } from '../../lib/products/schemas';

/** GET /provider/products/{productId} — live version, pending revision and review history. */
export const handler = route({ access: ['provider'], params: productIdParams }, async ({ user, params }) =>
  ok(toProviderView(await getOwnProduct(user, params.productId))),
);
