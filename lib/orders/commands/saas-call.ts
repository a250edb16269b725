import { ConflictError } from '../../http/errors';
import { msg } from '../../i18n';
import type { OrderItem } from '../schemas';
import { afterAttempt, isSaas, type CallResult } from '../saas';
import { defineCommand } from './command';

export interface SaasCallInput {
  action: 'saas-call';
  result: CallResult;
}

/** The timeline data of a call (spec 7.1): the action sent, its status, latency and signId. */
export const callEntry = (r: CallResult) => ({
  action: r.call,
  eventId: r.eventId,
  attempt: r.attempt,
  ok: r.ok,
  status: r.status,
  latencyMs: r.latencyMs,
  ...(r.signId !== undefined ? { signId: r.signId } : {}),
  ...(r.error ? { error: r.error } : {}),
});

/** Whether the order still waits for this call's answer. */
export const waitsFor = (o: OrderItem, eventId: string) => !!o.saas?.calls.some((c) => c.eventId === eventId);

/** An answer is written only for the call still waiting under its event id (else another sender wrote it). */
export const checkWaiting = (o: OrderItem, input: { result: CallResult }) => {
  if (!waitsFor(o, input.result.eventId)) throw new ConflictError('VERSION_CONFLICT', msg('detail.orderChanged'), { currentStatus: o.status });
};

/**
 * One attempt of a call to the provider's SaaS endpoint (spec 3.1): success removes the call, a failure,
 * a timeout or createInstance's "0" keeps it for another attempt after a backoff. No status change, nobody notified.
 */
export const saasCall = defineCommand<SaasCallInput>({
  action: 'saas-call',
  roles: ['system'],
  from: ['provisioning', 'active', 'expired', 'destroyed', 'cancelled'],
  to: null,
  turn: false,
  event: 'order.saas_called',
  validate: checkWaiting,
  apply: (o, input, { at }) =>
    isSaas(o) ? { saas: afterAttempt(o.saas, input.result, input.result.ok && !(input.result.call === 'createInstance'), at) } : {},
  entry: (input) => callEntry(input.result),
  notifies: () => [],
});
