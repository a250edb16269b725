import { config } from '../config';
import type { Role, User } from '../http/auth';
import { ok, route, type Reply } from '../http/route';
import { idempotencyOf } from '../shared/idempotency';
import type { RateRule } from '../shared/rate-limit';
import { actionsFor, commandOf, languageOf, readerOf, toOrderView, type CommandInput, type OrderCommand } from './model';
import { commandOrder, type OrderWithTimeline, type Outcome, type ReferenceChecker } from './repository';
import { orderIdParams } from './schemas';

/**
 * The HTTP answer of a command's outcome: a replay is the first answer as recorded; otherwise the answer
 * recorded with the change (when a key was sent), else the one for its result.
 */
export const answerOf = <R>(outcome: Outcome<R>, answer: (result: R) => Reply): Reply =>
  outcome.kind === 'replayed' ? outcome.reply : (outcome.recorded ?? answer(outcome.result));

/**
 * The HTTP function of an order command (start, complete, confirm, …): the roles allowed and the body
 * come from the command's declaration (lib/orders/commands), and the role the user acts in is the side of
 * the order they are on (decided once the order is read, lib/orders/access); the answer is the order with
 * its timeline. An `Idempotency-Key` replays the first answer.
 */
export const orderCommandRoute = (
  action: OrderCommand,
  // `checkReferences` is given by the functions whose commands may reference attachments, so only their
  // bundles carry the storage client; `rate` counts the command against a per-user limit
  opts: {
    checkReferences?: ReferenceChecker;
    rate?: RateRule;
    /** Adds to the answer what the command's outcome may not keep (a code order's codes, for its buyer). */
    finish?: (reply: Reply, user: User, result?: OrderWithTimeline) => Promise<Reply>;
  } = {},
) => {
  const command = commandOf(action);
  return route(
    {
      access: command.roles.filter((r): r is Role => r !== 'system'),
      // an order names its organisation: the provider side is a member of it, whatever Provider-Id says
      actingOrganisation: false,
      // the provider side is a membership; an operator's ruling refuses an organisation they belong to
      readsMemberships: command.roles.includes('provider') || command.roles.includes('operator'),
      params: orderIdParams,
      body: command.body,
    },
    async (req) => {
      const lang = languageOf(req.headers);
      const answer = (r: OrderWithTimeline) =>
        ok(toOrderView(r.order, lang, r.timeline, { ...r, reader: readerOf(r.order, req.user), actions: actionsFor(r.order, req.user, req.now, config.orders, lang) }));
      const idempotency = idempotencyOf(req, action);
      const outcome = await commandOrder(
        {
          actor: req.user,
          orderId: req.params.orderId,
          command: { ...(req.body ?? {}), action } as CommandInput,
          now: req.now,
          rules: config.orders,
          checkReferences: opts.checkReferences,
          rate: opts.rate,
        },
        idempotency && { request: idempotency, answer },
      );
      const reply = answerOf(outcome, answer);
      return opts.finish ? opts.finish(reply, req.user, outcome.kind === 'done' ? outcome.result : undefined) : reply;
    },
  );
};
