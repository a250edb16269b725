import { ok, route } from '../../lib/http/route';
import { config } from '../../lib/config';
import { actionsFor, languageOf, readerOf, toOrderView } from '../../lib/orders/model';
import { readOrderFor } from '../../lib/orders/repository';
import { orderIdParams } from '../../lib/orders/schemas';
import { codesFor } from '../../lib/codes/reveal';

/** GET /orders/{orderId} — for its buyer, its provider and operators: both labels and the timeline. */
export const handler = route({ access: ['buyer', 'provider', 'operator'], params: orderIdParams }, async ({ user, params, headers, now }) => {
  const found = await readOrderFor(user, params.orderId);
  const lang = languageOf(headers);
  const view = toOrderView(found.order, lang, found.timeline, { ...found, reader: readerOf(found.order, user), actions: actionsFor(found.order, user, now, config.orders, lang) });
  // a code order's codes: for its buyer once revealed (one more Query)
  const codes = await codesFor(found.order, user);
  return ok(codes ? { ...view, codes } : view);
});
