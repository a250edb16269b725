import { callSaas, type SaasCallResult } from '../saas/call';
import type { SaasFields } from '../saas/protocol';
import type { Sender, SendOutcome } from './saas-job';

/**
 * The SaaS orders' sender: one attempt through the platform's one SaaS caller (lib/saas/call.ts: signed, 5 s,
 * the outbound address policy, the provider's call log). Retries are the order's own, with backoff (lib/orders/saas.ts).
 */
export const sendSaasCall: Sender = async ({ providerId, orderId, action, body, eventId }) =>
  outcomeOf(await callSaas({ providerId, orderId, action, body: body as SaasFields<typeof action>, eventId }));

/** What the order takes from one call's result (createInstance's whole answer, when it passed). */
export const outcomeOf = (r: SaasCallResult): SendOutcome => ({
  ok: r.ok,
  status: r.status ?? 0,
  latencyMs: r.latencyMs,
  ...(r.signId !== undefined ? { signId: r.signId } : {}),
  answer: r.created ?? r.answer,
  ...(r.error ? { error: r.error } : {}),
});
