import { ok, route } from '../../lib/http/route';
import { toProviderView } from '../../lib/products/model';
import { getProductForOperator } from '../../lib/products/repository';
import { productIdParams } from '../../lib/products/schemas';

/** GET /operator/products/{productId} — any product with its live version, pending revision and review history (the review page). */
export const handler = route({ access: ['operator'], params: productIdParams }, async ({ params }) =>
  ok(toProviderView(await getProductForOperator(params.productId))),
);
