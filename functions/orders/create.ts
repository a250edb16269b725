import { config } from '../../lib/config';
import { created, route } from '../../lib/http/route';
import { languageOf, toOrderView } from '../../lib/orders/model';
import { createOrder } from '../../lib/orders/repository';
import { createOrderBody } from '../../lib/orders/schemas';
import { idempotencyOf } from '../../lib/shared/idempotency';

/** POST /orders — a buyer buys a plan of a listed product; the order is created paid. */
export const handler = route({ access: ['buyer'], body: createOrderBody }, async (req) =>
  createOrder(req.user.id, req.body, req.now, idempotencyOf(req, 'create-order'), config.orders, (order, timeline) =>
    created(toOrderView(order, languageOf(req.headers), timeline)),
    config.rateLimits.orders,
  ),
);
