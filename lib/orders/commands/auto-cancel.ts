import { cancelledSaas, isSaas } from '../saas';
import { defineCommand } from './command';

export interface AutoCancelInput {
  action: 'auto-cancel';
}

/**
 * The platform cancels, with a full refund, an order the provider left unstarted past the period (order timers
 * job), or a SaaS order its provider's system did not provision within the period (SaaS job: destroyInstance queued).
 */
export const autoCancel = defineCommand<AutoCancelInput>({
  action: 'auto-cancel',
  roles: ['system'],
  from: ['awaiting_start', 'provisioning'],
  to: 'cancelled',
  turn: true,
  event: 'order.status_changed',
  apply: (o, _input, { at }) => ({ refundAmount: o.amount, refundedAt: at, ...(isSaas(o) ? { saas: cancelledSaas(o, at) } : {}) }),
  entry: () => ({}),
});
