import { ConflictError } from '../../http/errors';
import { msg } from '../../i18n';
import { reasonBody } from '../schemas';
import { defineCommand, waitingFor } from './command';
import { rolesFor } from '../../providers/roles';

export interface AppealInput {
  action: 'appeal';
  reason: string;
}

/**
 * 申诉: either party, against the other when its step has stalled longer than the appeal period, or by
 * either after repeated rejected completions. The operators hear of it too: it waits for one of them.
 */
export const appeal = defineCommand<AppealInput, { kind: 'appeal-not-eligible' }>({
  action: 'appeal',
  roles: ['buyer', 'provider'],
  memberRoles: rolesFor('appeal'),
  from: ['awaiting_start', 'implementing', 'awaiting_confirmation'],
  to: 'disputed',
  turn: true,
  event: 'order.status_changed',
  body: reasonBody,
  guard: (o, { role, now, rules }) => {
    if (o.completionRejections >= rules.appealRejections) return undefined;
    const stalledParty = waitingFor(o);
    const stalled = now.getTime() - Date.parse(o.turnSince) > rules.appealStallMs;
    return stalledParty !== null && stalledParty !== role && stalled ? undefined : { kind: 'appeal-not-eligible' };
  },
  problem: (_r, status) =>
    new ConflictError('APPEAL_NOT_ELIGIBLE', msg('detail.appealNotEligible'), {
      currentStatus: status,
    }),
  apply: (o, input, { actor, at }) => ({ appeal: { by: actor.id, role: actor.role, reason: input.reason, at, from: o.status } }),
  entry: (input) => ({ reason: input.reason }),
  notifies: (role) => [role === 'buyer' ? 'provider' : 'buyer', 'operators'],
  dashboard: () => ({ appeals: 1 }),
});
