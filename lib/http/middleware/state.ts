import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { User } from '../auth';
import type { DomainError } from '../errors';
import type { Language } from '../language';

/** An answer as the action gives it; `response` turns it into API Gateway's shape at the very end. */
export interface Reply {
  status: number;
  body?: unknown;
  /** A body sent as is (e.g. CSV), with its content type in `headers`; `body` is then ignored. */
  raw?: string;
  headers?: Record<string, string>;
}

/**
 * What the middlewares of one request learn and hand on: opened by `context`, then filled in order by
 * `auth` (user), `validation` (params, query), `body` (body) and `idempotency` (key, replay); the problem
 * middleware notes the refusal it answered with.
 */
export interface RequestState {
  /** The request's headers, names lower-cased. */
  headers: Record<string, string>;
  /** The language of the problem texts (`Accept-Language: zh…` → Chinese). */
  lang: Language;
  requestId: string;
  method: string;
  routeKey: string;
  /** When the request arrived (ms), for the answer's log line. */
  started: number;
  /** The request time, read once so that every rule of a request sees the same clock. */
  now: Date;
  user?: User;
  params?: unknown;
  query?: unknown;
  body?: unknown;
  /** The JSON body as sent, before validation (what an idempotency key is bound to). */
  rawBody?: unknown;
  idempotencyKey?: string;
  /** A recorded answer to the same command, given in place of the action's. */
  replay?: Reply;
  /** The recorded answer kept only its status: the route reads the answer again (its `reread`). */
  rebuild?: boolean;
  /** The problem the request was answered with, if it failed. */
  refusal?: DomainError;
}

export type HttpRequest = middy.Request<APIGatewayProxyEventV2, Reply>;
export type HttpMiddleware = middy.MiddlewareObj<APIGatewayProxyEventV2, Reply>;

// Keyed by the event object that `context` makes for the invocation, so two invocations never share a state
// even when a caller passes the same event twice.
const states = new WeakMap<APIGatewayProxyEventV2, RequestState>();

/** Gives the request an event of its own carrying `state` (the first middleware does this). */
export const openState = (request: HttpRequest, state: RequestState) => {
  const event = { ...request.event };
  request.event = event;
  states.set(event, state);
  return state;
};

/** The state of the request this event belongs to. */
export const stateOf = (event: APIGatewayProxyEventV2): RequestState => {
  const state = states.get(event);
  if (!state) throw new Error('the request context middleware must come first');
  return state;
};
