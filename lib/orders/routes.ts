import type { z } from 'zod';
import { config } from '../config';
import type { Role } from '../http/auth';
import { ok, route } from '../http/route';
import { idempotencyOf } from '../shared/idempotency';
import type { RateRule } from '../shared/rate-limit';
import { languageOf, orderRules, toOrderView, type CommandInput, type OrderCommand } from './model';
import { commandOrder, type ReferenceChecker } from './repository';
import { orderIdParams } from './schemas';

/**
 * The HTTP function of an order command (start, complete, confirm, …): the roles allowed come from the
 * rule table, and the one the user acts in is the side of the order they are on (decided once the order
 * is read); the body comes from its schema, and the answer is the order with its timeline. An
 * `Idempotency-Key` replays the first answer.
 */
export const orderCommandRoute = (
  action: OrderCommand,
  body?: z.ZodType<CommandInput>,
  // every command acts by side of the order; `checkReferences` is given by the functions whose commands may
  // reference attachments, so only their bundles carry the storage client
  opts: { bySide?: boolean; checkReferences?: ReferenceChecker; rate?: RateRule } = {},
) =>
  route(
    {
      access: orderRules[action].roles.filter((r): r is Role => r !== 'system'),
      params: orderIdParams,
      body,
    },
    async (req) =>
      commandOrder(
        {
          actor: req.user,
          orderId: req.params.orderId,
          action,
          input: (req.body ?? {}) as CommandInput,
          now: req.now,
          rules: config.orders,
          checkReferences: opts.checkReferences,
          rate: opts.rate,
        },
        idempotencyOf(req, action),
        (result) => ok(toOrderView(result.order, languageOf(req.headers), result.timeline, result)),
      ),
  );
