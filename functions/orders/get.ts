import { ok, route } from '../../lib/http/route';
import { languageOf, toOrderView } from '../../lib/orders/model';
import { readOrderFor } from '../../lib/orders/repository';
import { orderIdParams } from '../../lib/orders/schemas';

/** GET /orders/{orderId} — for its buyer, its provider and operators: both labels and the timeline. */
export const handler = route({ access: ['buyer', 'provider', 'operator'], params: orderIdParams }, async ({ user, params, headers }) => {
  const found = await readOrderFor(user, params.orderId);
  return ok(toOrderView(found.order, languageOf(headers), found.timeline, found));
});
