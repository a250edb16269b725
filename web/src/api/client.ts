import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { accessToken } from '../app/auth';
import type { paths } from './schema';

type FieldError = { path: string; message: string };

/**
 * A refused call as the pages show it: the API's problem+json (RFC 9457) with its own `detail` and field
 * errors, or, with `problem: false`, an answer that carries no problem (a route the API does not have, a
 * gateway's error page) or a network failure (status 0).
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly retryAfter?: number,
    readonly problem = true,
  ) {
    super(detail || title);
  }

  /** A route the API does not have: 404/405 without a problem body (every route of the API answers one). */
  get missingRoute() {
    return !this.problem && (this.status === 404 || this.status === 405);
  }
}

let language = 'zh-CN';
/** The language switch sets this; every request carries it as Accept-Language (the API's labels follow). */
export const setApiLanguage = (lang: string) => {
  language = lang;
};

let organisation: string | undefined;
/** The organisation switch sets this: provider routes act for it (`Provider-Id`), as the API asks of people in several. */
export const setApiOrganisation = (providerId: string | undefined) => {
  organisation = providerId;
};

const newKey = () => crypto.randomUUID();

const headers: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    request.headers.set('Accept-Language', language);
    if (organisation && !request.headers.has('Provider-Id')) request.headers.set('Provider-Id', organisation);
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

const isFieldError = (e: unknown): e is FieldError =>
  typeof e === 'object' && e !== null && 'path' in e && typeof e.path === 'string' && 'message' in e && typeof e.message === 'string';

/** The problem in a refused answer's body: its text fields, read without trusting the body's shape. */
const toProblem = (body: unknown, response: Response): ApiProblem => {
  const retry = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  const text = (key: string) => (typeof body === 'object' && body !== null && key in body ? Reflect.get(body, key) : undefined);
  const [code, title, detail, errors] = [text('code'), text('title'), text('detail'), text('errors')];
  const isProblem = typeof code === 'string' && typeof detail === 'string';
  if (!isProblem) {
    const message = typeof body === 'string' ? body : typeof text('message') === 'string' ? String(text('message')) : '';
    return new ApiProblem(response.status, `HTTP_${response.status}`, response.statusText, message, [], retryAfter, false);
  }
  return new ApiProblem(
    response.status,
    code,
    typeof title === 'string' ? title : response.statusText,
    detail,
    Array.isArray(errors) ? errors.filter(isFieldError) : [],
    retryAfter,
  );
};

/** What every openapi-fetch call answers: the success's data, or the refusal's body. */
type Answer<T> = { data: T; error?: never; response: Response } | { data?: never; error: unknown; response: Response };

const settle = async <A>(call: Promise<A>): Promise<A> => {
  try {
    return await call;
  } catch (err) {
    throw new ApiProblem(0, 'NETWORK', 'Network error', err instanceof Error ? err.message : String(err), [], undefined, false);
  }
};

/** Awaits an openapi-fetch call and answers its data, typed by the route; a refusal throws its ApiProblem. */
export const unwrap = async <T>(call: Promise<Answer<T>>): Promise<NonNullable<T>> => {
  const out = await settle(call);
  if (out.response.ok && out.data != null) return out.data;
  throw toProblem(out.error, out.response);
};

/** Awaits a call whose success has no body (204); a refusal throws its ApiProblem. */
export const send = async (call: Promise<{ error?: unknown; response: Response }>): Promise<void> => {
  const out = await settle(call);
  if (!out.response.ok) throw toProblem(out.error, out.response);
};
