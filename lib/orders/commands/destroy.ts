import { isSaas, queueCall, signIdOf } from '../saas';
import { defineCommand } from './command';

export interface DestroyInput {
  action: 'destroy';
}

/** The period after expiry passed without renewal: the platform destroys the instance (order job); destroyInstance is queued. */
export const destroy = defineCommand<DestroyInput, { kind: 'not-due' }>({
  action: 'destroy',
  roles: ['system'],
  from: ['expired'],
  to: 'destroyed',
  turn: false,
  event: 'order.status_changed',
  guard: (o, { now, rules }) =>
    o.saas?.expiredAt && Date.parse(o.saas.expiredAt) + rules.saasDestroyAfterMs <= now.getTime() ? undefined : { kind: 'not-due' },
  apply: (o, _input, { at }) => (isSaas(o) ? { saas: { ...o.saas, calls: queueCall(o.saas.calls, 'destroyInstance', { signId: signIdOf(o) }, at) } } : {}),
  entry: () => ({}),
});
