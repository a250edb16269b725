import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { authenticate, type Role, type User } from './auth';
import { DomainError, ForbiddenError, InternalError, NotFoundError, problemDocument, TemporarilyUnavailableError, ValidationError } from './errors';
import { msg } from '../i18n';
import { recordCommand } from './metrics';
import { parseOrThrow } from './validation';
import { problemLanguageOf, type Language } from './language';
import { findRecord, idempotencyOf, recordReply, replay } from '../shared/idempotency';

export const logger = new Logger({ serviceName: 'marketplace' });

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

type Access = readonly Role[] | 'signed-in' | 'public';

interface RouteOptions<B, Q, P, A extends Access> {
  /** Roles allowed to call, 'signed-in' for any authenticated user, 'public' for anyone (the catalogue). */
  access: A;
  body?: B;
  query?: Q;
  params?: P;
  /**
   * A command whose change cannot carry its idempotency record in the same write: the route replays a
   * recorded answer for a repeated `Idempotency-Key` and records successful answers, under this name.
   * (Creation and order commands record the answer in their own transaction instead.)
   */
  idempotent?: string;
}

export interface Request<B, Q, P, U> {
  body: B;
  /** The JSON body as sent, before validation (what an idempotency key is bound to). */
  rawBody: unknown;
  query: Q;
  params: P;
  user: U;
  headers: Record<string, string>;
  idempotencyKey?: string;
  requestId: string;
  /** The request time, read once so that every rule of a request sees the same clock. */
  now: Date;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** A body sent as is (e.g. CSV), with its content type in `headers`; `body` is then ignored. */
  raw?: string;
  headers?: Record<string, string>;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });

const lowerCaseHeaders = (headers: Record<string, string | undefined> | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));

/** The problem document, its human texts (title, detail, field messages) in the request's language. */
const problem = (err: DomainError, instance: string, lang: Language = 'en'): APIGatewayProxyResultV2 => ({
  statusCode: err.status,
  headers: { 'content-type': 'application/problem+json', 'content-language': lang === 'zh' ? 'zh-CN' : 'en', ...err.headers },
  body: JSON.stringify(problemDocument(err, instance, lang)),
});

const MAX_BODY_DEPTH = 32;

/** How deeply the JSON text nests, counted without parsing it (strings skipped), stopping past `limit`. */
const nestingOf = (text: string, limit: number) => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return depth;
};

const readBody = (event: APIGatewayProxyEventV2): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  // refused before parsing, validating or hashing: nothing deeper than a real body ever nests
  if (nestingOf(text, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new ValidationError([{ path: '(body)', message: msg('field.nestedTooDeep', { max: MAX_BODY_DEPTH }) }]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError([{ path: '(body)', message: msg('field.notJson') }]);
  }
};

const parsePath = <S extends Schema>(schema: S, value: unknown): z.output<S> => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new NotFoundError('resource');
  return parsed.data;
};

const THROTTLES = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded']);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);

/**
 * A dependency throttling, unreachable, timing out or failing on its side (5xx) after the SDK's own
 * retries: the request was fine, the moment was not (503 with Retry-After, never 500).
 */
const isUnavailable = (err: unknown): boolean => {
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

const IDEMPOTENCY_KEY = z.string().min(1).max(100).regex(/^[\x21-\x7e]+$/);

/**
 * The one middy stack of every HTTP function: logging with the request id, token verification,
 * role check, validation of path, query and body with zod, and problem+json for every error.
 */
export const route = <
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  const A extends Access = Access,
>(
  options: RouteOptions<B, Q, P, A>,
  action: (req: Request<Out<B>, Out<Q>, Out<P>, A extends 'public' ? undefined : User>) => Promise<Reply>,
) => {
  const core = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> => {
    const headers = lowerCaseHeaders(event.headers);
    const lang = problemLanguageOf(headers);
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    const started = Date.now();
    const method = event.requestContext?.http?.method ?? 'GET';
    const routeKey = event.routeKey ?? `${method} ${event.rawPath}`;
    logger.appendKeys({ requestId });
    try {
      const { access } = options;
      const user = access === 'public' ? undefined : await authenticate(headers.authorization);
      if (user) logger.appendKeys({ userId: user.id });
      if (user && Array.isArray(access) && !access.some((r) => user.roles.includes(r))) {
        throw new ForbiddenError(msg('detail.rolesOnly', { roles: access }));
      }
      // An id that cannot exist is simply not found: a path never answers 400.
      const params = options.params ? parsePath(options.params, event.pathParameters ?? {}) : undefined;
      if (params) logger.appendKeys(params as Record<string, string>);
      const query = options.query ? parseOrThrow(options.query, event.queryStringParameters ?? {}, '', lang) : undefined;
      const rawBody = readBody(event);
      const body = options.body ? parseOrThrow(options.body, rawBody ?? {}, '', lang) : undefined;
      const key = headers['idempotency-key'];
      if (key !== undefined) parseOrThrow(IDEMPOTENCY_KEY, key, 'Idempotency-Key', lang);
      const now = new Date();
      const recorded =
        options.idempotent && user && key !== undefined
          ? idempotencyOf({ user, idempotencyKey: key, body, params }, options.idempotent)
          : undefined;
      const replayed = recorded ? replay(await findRecord(recorded), recorded, now) : undefined;
      const reply =
        replayed ??
        (await action({
          body,
          rawBody,
          query,
          params,
          user,
          headers,
          idempotencyKey: key,
          requestId,
          now,
        } as never));
      if (recorded && !replayed && reply.status < 300) await recordReply(recorded, reply, now);
      logger.info('answered', { status: reply.status, route: event.routeKey, ms: Date.now() - started });
      recordCommand(routeKey, method, reply.status);
      return {
        statusCode: reply.status,
        headers: { 'content-type': 'application/json', ...reply.headers },
        body: reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)),
      };
    } catch (err) {
      if (err instanceof DomainError) {
        recordCommand(routeKey, method, err.status, err.code);
        if (err.status >= 500) logger.error('domain failure', { code: err.code, error: err });
        else logger.info('refused', { status: err.status, code: err.code, route: event.routeKey, ms: Date.now() - started });
        return problem(err, event.rawPath ?? '', lang);
      }
      if (isUnavailable(err)) {
        recordCommand(routeKey, method, 503, 'TEMPORARILY_UNAVAILABLE');
        logger.warn('a dependency is unavailable', { requestId, error: err as Error });
        return problem(new TemporarilyUnavailableError(), event.rawPath ?? '', lang);
      }
      logger.error('unexpected failure', { requestId, error: err as Error });
      recordCommand(routeKey, method, 500, 'INTERNAL');
      return problem(new InternalError(), event.rawPath ?? '', lang);
    } finally {
      logger.removeKeys(['requestId', 'userId', 'productId', 'orderId', 'notificationId', 'attachmentId']);
    }
  };
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>(core).use(
    injectLambdaContext(logger, { resetKeys: true }),
  );
};
