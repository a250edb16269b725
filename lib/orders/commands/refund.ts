import { ConflictError } from '../../http/errors';
import { msg } from '../../i18n';
import { cancelledSaas, isSaas, withinRefundPeriod } from '../saas';
import { reasonBody } from '../schemas';
import { defineCommand } from './command';

export interface RefundInput {
  action: 'refund';
  reason: string;
}

/**
 * 申请退款: the buyer of a SaaS order, within the period after the purchase; destroyInstance is queued, full refund.
 * The buyer of a code order likewise while its codes are unrevealed (`delivered`): its codes are void, never resold.
 */
export const refund = defineCommand<RefundInput, { kind: 'refund-period-over' }>({
  action: 'refund',
  roles: ['buyer'],
  from: ['provisioning', 'active', 'expired', 'delivered'],
  to: 'cancelled',
  turn: true,
  event: 'order.status_changed',
  body: reasonBody,
  guard: (o, { now, rules }) => (withinRefundPeriod(o, now, rules) ? undefined : { kind: 'refund-period-over' }),
  problem: (_r, status) => new ConflictError('REFUND_PERIOD_OVER', msg('detail.refundPeriodOver'), { currentStatus: status }),
  apply: (o, _input, { at }) => ({ refundAmount: o.amount, refundedAt: at, ...(isSaas(o) ? { saas: cancelledSaas(o, at) } : {}) }),
  entry: (input) => ({ reason: input.reason }),
});
