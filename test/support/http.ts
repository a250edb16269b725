import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { inject } from 'vitest';
import { asFunction } from './dynamodb-calls';
import type { TestUser } from './global-setup';
import { assertDocumented, routeOf } from './openapi';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface Call {
  as?: TestUser | { token: string };
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  method?: string;
  path?: string;
  /** `METHOD /template` the answer is checked against; by default the handler's route in serverless.yml. */
  route?: string;
}

export interface Answer {
  status: number;
  body: any;
  headers: Record<string, string>;
}

let seq = 0;

/** An API Gateway HTTP API (v2) event, as API Gateway sends it. */
export const httpEvent = (call: Call): APIGatewayProxyEventV2 => {
  const stack = inject('stack');
  const token = call.as === undefined ? undefined : typeof call.as === 'string' ? stack.users[call.as].token : call.as.token;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(call.headers ?? {}) };
  if (token) headers.authorization = `Bearer ${token}`;
  const path = call.path ?? '/';
  const requestId = `test-${++seq}`;
  return {
    version: '2.0',
    routeKey: `${call.method ?? 'GET'} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(call.query ?? {}).toString(),
    headers,
    queryStringParameters: call.query,
    pathParameters: call.params,
    body: call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'test.local',
      domainPrefix: 'test',
      http: { method: call.method ?? 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId,
      routeKey: `${call.method ?? 'GET'} ${path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
  } as APIGatewayProxyEventV2;
};

export const lambdaContext = (remainingMs = 60_000): Context =>
  ({
    functionName: 'test',
    functionVersion: '$LATEST',
    awsRequestId: `ctx-${++seq}`,
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:test',
    memoryLimitInMB: '512',
    logGroupName: 'test',
    logStreamName: 'test',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => remainingMs,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }) as Context;

/**
 * Invokes a real handler with an API Gateway v2 event and parses its answer, which must be what the API
 * document says the handler's route answers (status, content type, body schema, required headers).
 */
export const invoke = async (handler: Handler, call: Call = {}): Promise<Answer> => {
  const result = (await asFunction(handler, () => handler(httpEvent(call), lambdaContext()))) as Exclude<APIGatewayProxyResultV2, string>;
  const text = result.body ?? '';
  const headers = (result.headers ?? {}) as Record<string, string>;
  const isJson = /json/.test(headers['content-type'] ?? 'application/json');
  const answer = { status: result.statusCode ?? 200, body: text ? (isJson ? JSON.parse(text) : text) : undefined, headers };
  assertDocumented(call.route ?? (await routeOf(handler, call.method ?? 'GET', call.path)), answer);
  return answer;
};

export const user = (name: TestUser) => inject('stack').users[name];
