import { config } from '../config';
import { postJson, type PostResult } from '../outbound/post';
import { recordCall, getSaasEndpoint, tokenOf } from './repository';
import { signedUrl, verdictOf, type CreateInstanceAnswer, type SaasAction, type SaasFields } from './protocol';
import type { SaasCallItem, SaasEndpointItem } from './schemas';

/** A call times out after 5 s (spec 3.1). */
export const SAAS_TIMEOUT_MS = 5_000;
/** The waits before the in-call retries a caller may ask for (`retries`); the eventId stays the same. */
export const SAAS_RETRY_DELAYS_MS = [500, 1_500, 4_000];
/** The answer kept in the call log (the rest is cut). */
const LOGGED_ANSWER_CHARS = 4_000;

export interface SaasCallInput<A extends SaasAction = SaasAction> {
  providerId: string;
  action: A;
  /** The action's fields (spec 3.1); `action` is added. */
  body: SaasFields<A>;
  /** The protocol's eventId: the same on every retry and resend of one call (the provider is idempotent on it). */
  eventId: string;
  /** The order the call is about, for the call log (defaults to `body.orderId`). */
  orderId?: string;
  /** Immediate retries after a failure, with growing waits (0 by default: a lifecycle's own schedule retries). */
  retries?: number;
  /** `false`: not recorded in the call log (接口调试's test calls). */
  record?: boolean;
  /** The endpoint, when the caller already read it (接口调试, the save's verification). */
  endpoint?: Pick<SaasEndpointItem, 'providerId' | 'url' | 'sealedToken'>;
  /** The token in clear, when the caller has it (saving an endpoint verifies before sealing). */
  token?: string;
  timeoutMs?: number;
  now?: () => Date;
}

export interface SaasCallResult {
  /** The call passed: HTTP 2xx and the answer the action expects (verifyInterface's echo, createInstance's signId). */
  ok: boolean;
  /** The HTTP status, or null when nothing answered. */
  status: number | null;
  latencyMs: number;
  /** The answer: parsed JSON, or the text when it is not JSON, or null. */
  answer: unknown;
  /** createInstance's signId (`"0"`: provisioning asynchronously, ask again with the same eventId). */
  signId?: string;
  /** createInstance's whole answer, parsed, when it passed. */
  created?: CreateInstanceAnswer;
  /** Why it did not pass (English, technical: the endpoint's fault, shown to the provider as it is). */
  error?: string;
  /** The exact request, for the timeline and 接口调试: URL with its signed query, and the JSON body. */
  request: { url: string; body: Record<string, unknown> };
  /** The call log's entry (absent with `record: false`). */
  call?: SaasCallItem;
  attempts: number;
}

const parsed = (text: string | undefined): unknown => {
  if (text === undefined || text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** One signed attempt, signed at the moment of sending (an endpoint checks the timestamp is recent). */
const oneAttempt = async (url: string, token: string, eventId: string, body: string, at: Date, timeoutMs: number) => {
  const target = signedUrl(url, token, eventId, at);
  const result: PostResult = await postJson(target, body, { timeoutMs, allowLoopback: config.webhookAllowLoopback });
  return { target, result };
};

/**
 * One SaaS call (spec 3.1): signs the body with the organisation's token and POSTs it to its endpoint under the
 * outbound policy (5 s, allowed addresses, no redirects), retrying with the same eventId when asked, and records
 * every attempt in the organisation's call log. Never throws for anything the endpoint does; a missing endpoint
 * is a failed call too (recorded, so the call log shows it and it can be sent again once the endpoint is set).
 */
export const callSaas = async <A extends SaasAction>(input: SaasCallInput<A>): Promise<SaasCallResult> => {
  const clock = input.now ?? (() => new Date());
  const bodyObject = { action: input.action, ...input.body } as Record<string, unknown>;
  const body = JSON.stringify(bodyObject);
  const orderId = input.orderId ?? (typeof bodyObject.orderId === 'string' ? bodyObject.orderId : undefined);
  const endpoint = input.endpoint ?? (await getSaasEndpoint(input.providerId));
  const timeoutMs = input.timeoutMs ?? SAAS_TIMEOUT_MS;
  const echoback = typeof bodyObject.echoback === 'string' ? bodyObject.echoback : undefined;

  let outcome: Omit<SaasCallResult, 'attempts' | 'call'>;
  let call: SaasCallItem | undefined;
  let attempts = 0;
  for (;;) {
    attempts++;
    if (!endpoint) {
      outcome = { ok: false, status: null, latencyMs: 0, answer: null, error: 'no SaaS endpoint is set', request: { url: '', body: bodyObject } };
    } else {
      const token = input.token ?? (await tokenOf(endpoint as SaasEndpointItem));
      const { target, result } = await oneAttempt(endpoint.url, token, input.eventId, body, clock(), timeoutMs);
      const verdict = verdictOf(input.action, { echoback }, result.statusCode, result.answer);
      outcome = {
        ok: verdict.ok,
        status: result.statusCode ?? null,
        latencyMs: result.latencyMs,
        answer: parsed(result.answer),
        ...(verdict.created ? { signId: verdict.created.signId, created: verdict.created } : {}),
        ...(verdict.ok ? {} : { error: result.error ?? verdict.reason }),
        request: { url: target, body: bodyObject },
      };
      if (input.record !== false) {
        call = await recordCall(
          {
            callId: input.eventId,
            providerId: input.providerId,
            action: input.action,
            orderId,
            url: endpoint.url,
            request: body,
            status: verdict.ok ? 'succeeded' : 'failed',
            httpStatus: result.statusCode,
            latencyMs: result.latencyMs,
            signId: verdict.created?.signId,
            answer: result.answer?.slice(0, LOGGED_ANSWER_CHARS),
            error: outcome.error,
          },
          clock(),
        );
      }
    }
    const delay = SAAS_RETRY_DELAYS_MS[attempts - 1];
    if (outcome.ok || !endpoint || attempts > (input.retries ?? 0) || delay === undefined) break;
    await new Promise((r) => setTimeout(r, delay));
  }
  if (!endpoint && input.record !== false) {
    call = await recordCall(
      { callId: input.eventId, providerId: input.providerId, action: input.action, orderId, url: '', request: body, status: 'failed', latencyMs: 0, error: outcome.error },
      clock(),
    );
  }
  return { ...outcome, attempts, ...(call ? { call } : {}) };
};
