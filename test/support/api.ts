import { inject } from 'vitest';
import type { TestUser } from './global-setup';
import { assertDocumented, routeForPath } from './openapi';

export interface ApiAnswer {
  status: number;
  body: any;
  headers: Headers;
}

/** A request over HTTP to the functions served by serverless-offline. */
export const api = async (
  method: string,
  path: string,
  /** `as` one of the stack's users, or anyone with an access token (a person registered in the test). */
  opts: { as?: TestUser | { token: string }; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> => {
  const stack = inject('stack');
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.as) headers.authorization = `Bearer ${typeof opts.as === 'string' ? stack.users[opts.as].token : opts.as.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  const isJson = /json/.test(res.headers.get('content-type') ?? '');
  const answer = { status: res.status, body: text ? (isJson ? JSON.parse(text) : text) : undefined, headers: res.headers };
  // Over HTTP too, every answer of a documented route must be what the API document says.
  const route = routeForPath(method, path);
  if (route) assertDocumented(route, { ...answer, headers: Object.fromEntries(res.headers.entries()) });
  return answer;
};

export const ok = (answer: ApiAnswer, status = 200) => {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
};
