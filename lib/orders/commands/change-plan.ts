import { ConflictError, ValidationError } from '../../http/errors';
import { msg } from '../../i18n';
import { isSaas, queueCall, signIdOf } from '../saas';
import { changePlanBody } from '../schemas';
import { defineCommand } from './command';

export interface ChangePlanInput {
  action: 'change-plan';
  planId: string;
}

/** 变更规格: the buyer moves an active instance to another plan of the product as bought; modifyInstance is queued. */
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
      product: { ...o.product, plan, unitPrice: plan.price },
      saas: { ...o.saas, calls: queueCall(o.saas.calls, 'modifyInstance', body, at) },
    };
  },
  entry: (input) => ({ planId: input.planId }),
});
