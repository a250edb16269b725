import { config } from '../config';
import { takeResentAnswer } from '../orders/saas-job';
import { outcomeOf } from '../orders/saas-sender';
import type { SaasCallResult } from './call';
import type { SaasCallItem } from './schemas';

/**
 * What follows a call of an order resent from the call log (重新发送) once it passed: the SaaS order takes the
 * answer as it would have taken it from the job's retry (a createInstance's signId provisions the order; a
 * renewal, change, expiry or destruction is done); the consumer of the order's event sends what comes next. A
 * call of no order (接口调试) or one the order no longer waits for is recorded in the call log only.
 */
export const afterResend = async (call: SaasCallItem, result: SaasCallResult, now = new Date()): Promise<void> => {
  if (!call.orderId) return;
  await takeResentAnswer(call.orderId, call.callId, outcomeOf(result), now, config.orders);
};
