import { ConflictError, ValidationError } from '../../http/errors';
import { msg } from '../../i18n';
import { isSaas, planChangeDifference, queueCall, signIdOf } from '../saas';
import { changePlanBody } from '../schemas';
import { defineCommand } from './command';

export interface ChangePlanInput {
  action: 'change-plan';
  planId: string;
}

/**
 * 变更规格: the buyer moves an active instance to another plan of the product as bought; modifyInstance is
 * queued, the expiry stays, and the price difference for the time left is settled on the order's amount
 * (paid on an upgrade, refunded on a downgrade; docs/decisions.md).
 */
export const changePlan = defineCommand<ChangePlanInput, { kind: 'same-plan' }>({
  action: 'change-plan',
  roles: ['buyer'],
  from: ['active'],
  to: null,
  turn: false,
  event: 'order.instance_changed',
  body: changePlanBody,
  validate: (o, input) => {
    const plan = o.saas?.plans.find((p) => p.planId === input.planId);
    if (!plan || plan.unit !== o.product.plan.unit) {
      throw new ValidationError([{ path: 'planId', message: msg('field.notPlan') }], msg('detail.noSuchPlan', { planId: input.planId }));
    }
    if (input.planId === o.planId) throw new ConflictError('SAME_PLAN', msg('detail.samePlan'), { currentStatus: o.status });
  },
  apply: (o, input, { at }) => {
    const plan = o.saas?.plans.find((p) => p.planId === input.planId);
    if (!isSaas(o) || !plan) return {};
    const expiresAt = o.instance?.expiresAt ?? null;
    const body = { signId: signIdOf(o), spec: plan.name, timeSpan: plan.duration * o.quantity, timeUnit: plan.unit, instanceExpireTime: expiresAt };
    return {
      planId: plan.planId,
      amount: o.amount + planChangeDifference(o, plan, at),
      product: { ...o.product, plan, unitPrice: plan.price },
      saas: { ...o.saas, calls: queueCall(o.saas.calls, 'modifyInstance', body, at) },
    };
  },
  // the difference each plan the buyer may choose would settle now (the console shows it in the dialog)
  quotes: (o, now) =>
    (o.saas?.plans ?? [])
      .filter((p) => p.unit === o.product.plan.unit && p.planId !== o.planId)
      .map((p) => ({ planId: p.planId, difference: planChangeDifference(o, p, now.toISOString()) })),
  // the record carries the settlement: both plans, their prices, the difference and the amount after it
  entry: (input, change) => {
    if (!change) return { planId: input.planId };
    const { before, after } = change;
    return {
      planId: input.planId,
      planName: after.product.plan.name,
      unitPrice: after.product.unitPrice,
      fromPlanId: before.planId,
      fromPlanName: before.product.plan.name,
      fromUnitPrice: before.product.unitPrice,
      until: after.instance?.expiresAt ?? null,
      difference: after.amount - before.amount,
      amount: after.amount,
    };
  },
  // an upgrade's difference is revenue of the day, a downgrade's refund a refund
  dashboard: (entry) => {
    const difference = Number(entry.data.difference ?? 0);
    return difference > 0 ? { revenue: difference } : difference < 0 ? { refunds: -difference } : {};
  },
});
