import type { z } from 'zod';
import { config } from '../config';
import type { Role } from '../http/auth';
import { ok, route } from '../http/route';
import { languageOf, orderRules, toOrderView, type CommandInput, type OrderCommand } from './model';
import { idempotencyOf } from '../shared/idempotency';
import { commandOrder } from './repository';
import { orderIdParams } from './schemas';

/**
 * The HTTP function of an order command (start, complete, confirm, …): the roles allowed come from the
 * rule table (the one taken is the user's side of the order), the body from its schema, and the answer is the order with its timeline.
 */
export const orderCommandRoute = (action: OrderCommand, body?: z.ZodType<CommandInput>) =>
  route(
    {
      access: orderRules[action].roles.filter((r): r is Role => r !== 'system'),
      params: orderIdParams,
      body,
    },
    async (req) =>
      commandOrder(
        {
        // the role is the side of the order the user is on, decided once the order is read
          actor: req.user,
          orderId: req.params.orderId,
          action,
          input: (req.body ?? {}) as CommandInput,
          now: req.now,
          rules: config.orders,
        },
        idempotencyOf(req, action),
        (result) => ok(toOrderView(result.order, languageOf(req.headers), result.timeline)),
      ),
  );
