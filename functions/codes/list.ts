import { ok, route } from '../../lib/http/route';
import { actingProviderId } from '../../lib/codes/routes';
import { listCodes } from '../../lib/codes/repository';
import { codesQuery, productIdParams } from '../../lib/codes/schemas';

/** GET /provider/products/{productId}/codes — stock per plan; a plan's codes masked, with the order that got each. */
export const handler = route({ access: ['provider'], params: productIdParams, query: codesQuery }, async ({ user, params, query }) =>
  ok(await listCodes(actingProviderId(user), params.productId, query)),
);
