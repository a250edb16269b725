import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { accessToken } from '../app/auth';
import type { paths } from './schema';

/** A problem+json answer (RFC 9457), or a network failure (status 0), as the pages show it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: { path: string; message: string }[] = [],
    readonly retryAfter?: number,
  ) {
    super(detail || title);
  }
}

let language = 'zh-CN';
/** The language switch sets this; every request carries it as Accept-Language (the API's labels follow). */
export const setApiLanguage = (lang: string) => {
  language = lang;
};

const newKey = () => crypto.randomUUID();

const headers: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    request.headers.set('Accept-Language', language);
    // Commands without an intent key (see useCommand) still get one, so a transport retry is safe.
    if (request.method !== 'GET' && !request.headers.has('Idempotency-Key')) request.headers.set('Idempotency-Key', newKey());
    return request;
  },
};

let client: Client<paths> | undefined;

/** Creates the one API client once the runtime configuration is known. */
export const initApi = (apiUrl: string) => {
  client = createClient<paths>({ baseUrl: apiUrl.replace(/\/$/, '') });
  client.use(headers);
};

/** The typed client over docs/openapi.json: the only place the console talks to the API. */
export const api = (): Client<paths> => {
  if (!client) throw new Error('API client used before configuration');
  return client;
};

/**
 * The same client for routes that are not in docs/openapi.json yet (they are being added on other
 * branches); once `npm run gen:api` picks them up, callers move to `api()`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any

const toProblem = (error: unknown, response: Response): ApiProblem => {
  const p = (error ?? {}) as Partial<{ code: string; title: string; detail: string; errors: ApiProblem['errors'] }>;
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiProblem(
    response.status,
    p.code ?? `HTTP_${response.status}`,
    p.title ?? response.statusText,
    p.detail ?? (typeof error === 'string' ? error : ''),
    Array.isArray(p.errors) ? p.errors : [],
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
};

/** Awaits an openapi-fetch call and returns its data, or throws the answer's problem. */
export const unwrap = async <T = unknown>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> => {
  let out: Awaited<typeof call>;
  try {
    out = await call;
  } catch (err) {
    throw new ApiProblem(0, 'NETWORK', 'Network error', (err as Error).message);
  }
  if (!out.response.ok) throw toProblem(out.error, out.response);
  return out.data as T;
};
