import type { SaasCallResult } from './call';
import type { DebugOutcome } from './endpoint';
import { missingChecks } from './endpoint';
import type { SaasCallItem, SaasCallView, SaasDebugView, SaasEndpointItem, SaasEndpointView } from './schemas';

/** The endpoint as GET shows it: never the token, only that one is set. */
export const toSaasEndpointView = (e: SaasEndpointItem): SaasEndpointView => ({
  url: e.url,
  tokenSet: e.sealedToken.length > 0,
  verifiedAt: e.verifiedAt,
  passed: e.passed ?? {},
  missing: missingChecks(e),
  updatedAt: e.updatedAt,
});

const responseOf = (r: SaasCallResult) => ({ status: r.status, body: r.answer });

/** 接口调试's answer: the exact request, the response, the latency and the verdict. */
export const toSaasDebugView = ({ action, result, endpoint }: DebugOutcome): SaasDebugView => ({
  action,
  request: { method: 'POST', url: result.request.url, body: result.request.body },
  response: responseOf(result),
  latencyMs: Math.round(result.latencyMs),
  verdict: result.ok ? 'passed' : 'failed',
  ...(result.ok ? {} : { reason: result.error ?? 'failed' }),
  passed: endpoint.passed ?? {},
  missing: missingChecks(endpoint),
});

export const toSaasCallView = (c: SaasCallItem): SaasCallView => ({
  callId: c.callId,
  eventId: c.callId,
  action: c.action,
  orderId: c.orderId ?? null,
  status: c.status,
  httpStatus: c.httpStatus ?? null,
  latencyMs: Math.round(c.latencyMs),
  signId: c.signId ?? null,
  error: c.error ?? null,
  answer: c.answer ?? null,
  attempts: c.attempts,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});
