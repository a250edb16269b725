import { inject } from 'vitest';
import type { TestUser } from './global-setup';

export interface ApiAnswer {
  status: number;
  body: any;
  headers: Headers;
}

/** A request over HTTP to the functions served by serverless-offline. */
export const api = async (
  method: string,
  path: string,
  opts: { as?: TestUser; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> => {
  const stack = inject('stack');
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.as) headers.authorization = `Bearer ${stack.users[opts.as].token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
};

export const ok = (answer: ApiAnswer, status = 200) => {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
};
