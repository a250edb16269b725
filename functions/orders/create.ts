import { config } from '../../lib/config';
import { created, route } from '../../lib/http/route';
import { languageOf, toOrderView } from '../../lib/orders/model';
import { createOrder, type Purchase } from '../../lib/orders/repository';
import { answerOf } from '../../lib/orders/routes';
import { createOrderBody } from '../../lib/orders/schemas';
import { idempotencyOf } from '../../lib/shared/idempotency';

/** POST /orders — a buyer buys a plan of a listed product; the order is created paid. */
export const handler = route({ access: ['buyer'], body: createOrderBody }, async (req) => {
  const answer = (p: Purchase) => created(toOrderView(p.order, languageOf(req.headers), p.timeline, { reader: 'buyer' }));
  const idempotency = idempotencyOf(req, 'create-order');
  const outcome = await createOrder(req.user.id, req.body, req.now, config.orders, {
    idempotency: idempotency && { request: idempotency, answer },
    rate: config.rateLimits.orders,
  });
  return answerOf(outcome, answer);
});
