import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../lib/openapi';
import { readHttpRoutes } from '../../scripts/lib/infra';

/**
 * Keeps the API document true: every answer a test receives is checked against the operation the
 * document gives for its method, route and status — the status must be listed, the content type and
 * body must match its schema, and the headers it requires must be there.
 */

type Json = Record<string, any>;

const document = JSON.parse(JSON.stringify(openApiDocument())) as Json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, 'openapi');

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
const deref = (node: Json): { node: Json; at: string[] } | undefined => {
  if (!node?.$ref) return undefined;
  const at = (node.$ref as string).replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return { node: at.reduce((n: Json, p) => n?.[p], document), at };
};

const validators = new Map<string, ReturnType<typeof ajv.compile>>();
const validatorAt = (at: string[]) => {
  const ref = `openapi#/${pointer(...at)}`;
  let v = validators.get(ref);
  if (!v) {
    v = ajv.compile({ $ref: ref });
    validators.set(ref, v);
  }
  return v;
};

export interface Received {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Throws when an answer is not what the document says `METHOD /route` answers with its status. */
export const assertDocumented = (route: string, answer: Received) => {
  const [method, path] = route.split(' ');
  const operation = document.paths?.[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`API document: ${route} is not documented`);
  let response = operation.responses?.[String(answer.status)];
  let at = ['paths', path, method.toLowerCase(), 'responses', String(answer.status)];
  if (!response) {
    throw new Error(`API document: ${route} does not list status ${answer.status} (answered ${JSON.stringify(answer.body)})`);
  }
  const target = deref(response);
  if (target) ({ node: response, at } = target);
  const headers = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [name, header] of Object.entries((response.headers ?? {}) as Json)) {
    if (header.required && headers[name.toLowerCase()] === undefined) {
      throw new Error(`API document: ${route} ${answer.status} requires the header ${name}, which was not sent`);
    }
  }
  const contentType = (headers['content-type'] ?? '').split(';')[0].trim();
  const content = response.content as Json | undefined;
  if (!content) {
    if (answer.body !== undefined && answer.body !== '') throw new Error(`API document: ${route} ${answer.status} documents no body, but one was sent`);
    return;
  }
  if (!content[contentType]) {
    throw new Error(`API document: ${route} ${answer.status} answers ${contentType}, documented: ${Object.keys(content).join(', ')}`);
  }
  const validate = validatorAt([...at, 'content', contentType, 'schema']);
  if (!validate(answer.body)) {
    const problems = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
    throw new Error(`API document: ${route} ${answer.status} answer does not match its schema:\n  ${problems.join('\n  ')}`);
  }
};

/**
 * Throws when a body POSTed to a provider's endpoint is not what the document's `webhooks` say for its type,
 * or lacks a header they require.
 */
export const assertWebhookDocumented = (body: string, headers: Record<string, unknown>) => {
  const event = JSON.parse(body) as { type?: string };
  const operation = document.webhooks?.[event.type ?? '']?.post;
  if (!operation) throw new Error(`API document: no webhook documents the event type ${event.type}`);
  for (const p of operation.parameters ?? []) {
    if (p.in === 'header' && p.required && headers[p.name.toLowerCase()] === undefined) throw new Error(`API document: webhook ${event.type} requires the header ${p.name}`);
  }
  const validate = validatorAt(['webhooks', event.type!, 'post', 'requestBody', 'content', 'application/json', 'schema']);
  if (!validate(event)) {
    const problems = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
    throw new Error(`API document: webhook ${event.type} body does not match its schema:\n  ${problems.join('\n  ')}`);
  }
};

const root = join(__dirname, '..', '..');
const templateMatches = (template: string, path: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path);

let handlerRoutes: Promise<Map<unknown, string[]>> | undefined;

/** The routes serverless.yml serves with a handler: its function's `httpApi` events. */
const routesOf = async (handler: unknown): Promise<string[]> => {
  handlerRoutes ??= (async () => {
    const map = new Map<unknown, string[]>();
    for (const { route, module } of readHttpRoutes()) {
      const mod = (await import(join(root, `${module}.ts`))) as { handler: unknown };
      map.set(mod.handler, [...(map.get(mod.handler) ?? []), route]);
    }
    return map;
  })();
  return (await handlerRoutes).get(handler) ?? [];
};

/** The route template a handler answered as: its one route, or the one whose path matches the request's. */
export const routeOf = async (handler: unknown, method: string, path: string | undefined): Promise<string> => {
  const routes = await routesOf(handler);
  if (routes.length === 1) return routes[0];
  const match = routes.find((r) => r.startsWith(`${method} `) && path !== undefined && templateMatches(r.split(' ')[1], path));
  if (!match) throw new Error(`API document: no route of serverless.yml serves this handler for ${method} ${path ?? '(no path)'}`);
  return match;
};

/** For requests over HTTP: the documented route template that a concrete path matches. */
export const routeForPath = (method: string, path: string): string | undefined => {
  const bare = path.split('?')[0];
  const candidates = Object.keys(document.paths).filter((t) => document.paths[t][method.toLowerCase()] && templateMatches(t, bare));
  // A literal segment wins over a parameter (`/provider/webhook/deliveries` over `/provider/webhook/{id}`).
  candidates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  return candidates[0] ? `${method} ${candidates[0]}` : undefined;
};
