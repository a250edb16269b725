import { ThrottledError } from '../../http/errors';
import { msg } from '../../i18n';
import { defineCommand } from './command';
import { rolesFor } from '../../providers/roles';

export interface UrgeInput {
  action: 'urge';
}

/** 催促: the provider asks the buyer to confirm, at most once per interval; the turn stays the buyer's. */
export const urge = defineCommand<UrgeInput, { kind: 'urged-recently'; retryAfterMs: number }>({
  action: 'urge',
  roles: ['provider'],
  memberRoles: rolesFor('deliver'),
  from: ['awaiting_confirmation'],
  to: null,
  turn: false,
  event: 'order.urged',
  guard: (o, { now, rules }) => {
    if (!o.lastUrgedAt) return undefined;
    const next = Date.parse(o.lastUrgedAt) + rules.urgeIntervalMs;
    return next <= now.getTime() ? undefined : { kind: 'urged-recently', retryAfterMs: next - now.getTime() };
  },
  problem: (r) => new ThrottledError(msg('detail.urgedRecently'), r.retryAfterMs / 1000),
  apply: (_o, _input, { at }) => ({ lastUrgedAt: at }),
  entry: () => ({}),
  dashboard: () => ({ urges: 1 }),
});
