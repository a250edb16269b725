import { logger } from '../../observability/logger';
import { DomainError, InternalError, problemDocument, TemporarilyUnavailableError } from '../errors';
import type { Language } from '../language';
import { stateOf, type HttpMiddleware, type Reply } from './state';

const THROTTLES = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);

/**
 * A dependency throttling, unreachable, timing out or failing on its side (5xx) after the SDK's own
 * retries: the request was fine, the moment was not (503 with Retry-After, never 500).
 */
export const isUnavailable = (err: unknown): boolean => {
  const e = err as {
    name?: string;
    code?: string;
    errors?: unknown[];
    cause?: unknown;
    $metadata?: { httpStatusCode?: number };
    $fault?: string;
    CancellationReasons?: Array<{ Code?: string }>;
  };
  if (!e || typeof e !== 'object') return false;
  if (e.name && (THROTTLES.has(e.name) || TIMEOUTS.has(e.name))) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500 || e.$fault === 'server') return true;
  if (e.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r.Code === 'ThrottlingError')) return true;
  if (Array.isArray(e.errors) && e.errors.some(isUnavailable)) return true;
  return e.cause !== undefined && e.cause !== err && isUnavailable(e.cause);
};

/** Any error as the domain error it is answered with; a failure the client cannot act on is logged. */
export const refusalOf = (err: unknown, requestId: string): DomainError => {
  if (err instanceof DomainError) {
    if (err.status >= 500) logger.error('domain failure', { code: err.code, error: err });
    return err;
  }
  if (isUnavailable(err)) {
    logger.warn('a dependency is unavailable', { requestId, error: err as Error });
    return new TemporarilyUnavailableError();
  }
  logger.error('unexpected failure', { requestId, error: err as Error });
  return new InternalError();
};

/** The problem document, its human texts (title, detail, field messages) in the request's language. */
export const problemReply = (err: DomainError, instance: string, lang: Language = 'en'): Reply => ({
  status: err.status,
  headers: { 'content-type': 'application/problem+json', 'content-language': lang === 'zh' ? 'zh-CN' : 'en', ...err.headers },
  body: problemDocument(err, instance, lang),
});

/**
 * Every error, thrown anywhere, answered as `application/problem+json`: a domain error as itself, a dependency
 * that cannot answer now as 503 with Retry-After, anything else as 500 with no internals.
 */
export const problemAnswers = (): HttpMiddleware => ({
  onError: (request) => {
    const state = stateOf(request.event);
    state.refusal = refusalOf(request.error, state.requestId);
    request.response = problemReply(state.refusal, request.event.rawPath ?? '', state.lang);
  },
});
