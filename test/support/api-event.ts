import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { requestContext } from '../../lib/http/middleware/context';
import { stateOf, type HttpMiddleware, type RequestState } from '../../lib/http/middleware/state';

/**
 * API Gateway v2 events for tests that need no stack: the recorded `events/http-get-catalog.json`, patched.
 * Each call returns a fresh copy.
 */
const recorded = JSON.parse(readFileSync(join(__dirname, '..', '..', 'events', 'http-get-catalog.json'), 'utf8')) as APIGatewayProxyEventV2;

export interface EventPatch {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  params?: Record<string, string>;
  /** Sent as JSON unless a string. */
  body?: unknown;
  requestId?: string;
}

export const apiEvent = (patch: EventPatch = {}): APIGatewayProxyEventV2 => {
  const method = patch.method ?? 'GET';
  const path = patch.path ?? recorded.rawPath;
  const event = structuredClone(recorded);
  return {
    ...event,
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(patch.query ?? {}).toString(),
    headers: { ...event.headers, ...patch.headers },
    queryStringParameters: patch.query,
    pathParameters: patch.params,
    body: patch.body === undefined ? undefined : typeof patch.body === 'string' ? patch.body : JSON.stringify(patch.body),
    requestContext: {
      ...event.requestContext,
      http: { ...event.requestContext.http, method, path },
      requestId: patch.requestId ?? event.requestContext.requestId,
      routeKey: `${method} ${path}`,
    },
  };
};

let seq = 0;

/** A Lambda context with the fields Powertools reads. */
export const lambdaContext = (): Context =>
  ({
    functionName: 'unit',
    functionVersion: '$LATEST',
    awsRequestId: `unit-${++seq}`,
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:unit',
    memoryLimitInMB: '512',
    logGroupName: 'unit',
    logStreamName: 'unit',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }) as Context;

/**
 * A middy stack of the request context and the middlewares under test around an action that answers 200 with
 * the request's state (or what `action` answers); errors no middleware handled are thrown.
 */
export const stackOf = (middlewares: HttpMiddleware[], action?: (state: RequestState) => Promise<{ status: number; body?: unknown; headers?: Record<string, string> }>) => {
  const handler = middy(async (event: APIGatewayProxyEventV2) => {
    const state = stateOf(event);
    return action ? action(state) : { status: 200, body: state };
  }).use(requestContext());
  for (const m of middlewares) handler.use(m);
  return (event: APIGatewayProxyEventV2 = apiEvent()) => handler(event, lambdaContext()) as Promise<any>;
};
