import type { z } from 'zod';
import { config } from '../config';
import type { Role, User } from '../http/auth';
import { ForbiddenError } from '../http/errors';
import { ok, route } from '../http/route';
import { languageOf, orderRules, toOrderView, type CommandInput, type OrderCommand } from './model';
import { runOrderCommand, type ReferenceChecker } from './repository';
import { orderIdParams } from './schemas';

/** The role a user acts in for a command: the first of the rule's roles that the user holds. */
export const actorFor = (user: User, action: OrderCommand) => {
  const role = orderRules[action].roles.find((r): r is Role => r !== 'system' && user.roles.includes(r as Role));
  if (!role) throw new ForbiddenError();
  return { id: user.id, role };
};

/**
 * The HTTP function of an order command (start, complete, confirm, …): the role comes from the rule
 * table (or, with `bySide`, the side of the order the user is on), the body from its schema, and the
 * answer is the order with its timeline.
 */
export const orderCommandRoute = (
  action: OrderCommand,
  body?: z.ZodType<CommandInput>,
  opts: { bySide?: boolean; checkReferences?: ReferenceChecker } = {},
) =>
  route(
    {
      access: orderRules[action].roles.filter((r): r is Role => r !== 'system'),
      params: orderIdParams,
      body,
    },
    async (req) => {
      const result = await runOrderCommand({
        actor: actorFor(req.user, action),
        orderId: req.params.orderId,
        action,
        input: (req.body ?? {}) as CommandInput,
        now: req.now,
        rules: config.orders,
        // the sender acts as the side of the order they are on, whatever else their groups allow
        ...(opts.bySide ? { roles: req.user.roles } : {}),
        checkReferences: opts.checkReferences,
      });
      return ok(toOrderView(result.order, languageOf(req.headers), result.timeline, result));
    },
  );
