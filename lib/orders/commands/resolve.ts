import { resolveBody, type Resolution } from '../schemas';
import { defineCommand } from './command';

export interface ResolveInput {
  action: 'resolve';
  outcome: Resolution;
  note: string;
}

/**
 * The operator settles a dispute: completed, cancelled with a refund, or back to implementing. A ruling
 * back to implementing starts a new round: the rejected completions before it are spent (the timeline
 * keeps them), so a party appeals again only by the usual path, 3 new rejections or a 5-day stall.
 */
export const resolve = defineCommand<ResolveInput>({
  action: 'resolve',
  roles: ['operator'],
  from: ['disputed'],
  to: (input) => input.outcome,
  turn: true,
  event: 'order.status_changed',
  body: resolveBody,
  apply: (o, input, { actor, at, to }) => ({
    resolution: { outcome: input.outcome, note: input.note, by: actor.id, at },
    ...(to === 'completed' ? { completedAt: at } : {}),
    ...(to === 'cancelled' ? { refundAmount: o.amount, refundedAt: at } : {}),
    ...(to === 'implementing' ? { completionRejections: 0 } : {}),
  }),
  entry: (input) => ({ outcome: input.outcome, note: input.note }),
});
