import { isSaas, queueCall, renewedExpiry, signIdOf } from '../saas';
import { renewBody } from '../schemas';
import { defineCommand } from './command';

export interface RenewInput {
  action: 'renew';
  /** How many more periods of the plan. */
  periods: number;
}

/** 续费: the buyer extends a SaaS instance, also after it expired (back to active); renewInstance is queued. */
export const renew = defineCommand<RenewInput>({
  action: 'renew',
  roles: ['buyer'],
  from: ['active', 'expired'],
  to: 'active',
  turn: false,
  event: 'order.status_changed',
  body: renewBody,
  apply: (o, input, { at }) => {
    if (!isSaas(o) || !o.instance) return {};
    const expiresAt = renewedExpiry(o, input.periods, at);
    const { expiredAt: _gone, ...saas } = o.saas;
    return {
      amount: o.amount + o.product.unitPrice * input.periods,
      instance: { ...o.instance, expiresAt },
      saas: { ...saas, calls: queueCall(saas.calls, 'renewInstance', { signId: signIdOf(o), instanceExpireTime: expiresAt }, at) },
    };
  },
  entry: (input) => ({ periods: input.periods }),
  // a renewal is paid like a purchase: the provider's revenue of the day grows by it
  dashboard: (entry, order) => ({ revenue: order.product.unitPrice * Number(entry.data.periods ?? 0) }),
});
