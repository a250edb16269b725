import { isSaas, queueCall, signIdOf } from '../saas';
import { defineCommand } from './command';

export interface ExpireInput {
  action: 'expire';
}

/** At `expiresAt` the platform expires the instance (order job); expireInstance is queued. */
export const expire = defineCommand<ExpireInput, { kind: 'not-due' }>({
  action: 'expire',
  roles: ['system'],
  from: ['active'],
  to: 'expired',
  turn: false,
  event: 'order.status_changed',
  guard: (o, { now }) => (o.instance?.expiresAt && Date.parse(o.instance.expiresAt) <= now.getTime() ? undefined : { kind: 'not-due' }),
  apply: (o, _input, { at }) =>
    isSaas(o) ? { saas: { ...o.saas, expiredAt: at, calls: queueCall(o.saas.calls, 'expireInstance', { signId: signIdOf(o) }, at) } } : {},
  entry: () => ({}),
});
