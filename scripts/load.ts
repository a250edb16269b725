import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { readStackFile } from './lib/local-config';
import { signIn } from './lib/stack';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
// autocannon ships no types; the part used here
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

/**
 * `npm run load`: drives the running local stack (`npm start`) over loopback, bounded in time.
 * - autocannon: a mix of reads (catalogue, product page, the buyer's and the provider's list pages, the inbox);
 * - at the same time, journeys: buy (with an Idempotency-Key, retried once with the same key), requirements,
 *   start, complete, confirm, through the API as the demo buyer and provider.
 * Then the checks: every acknowledged order exists; each order's timeline is a path of the state machine
 * (each entry's `from` is the previous entry's `to`), ordered; a retried purchase made one order; the inbox's
 * unread count equals its unread items, and no notification appears twice.
 * LOAD_SECONDS (20), LOAD_CONNECTIONS (8), LOAD_JOURNEYS (4 at a time). Not part of `npm test`.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 8);
const JOURNEYS = Number(process.env.LOAD_JOURNEYS ?? 4);
const PASSWORD = 'Market2026!';

const main = async () => {
  const stack = readStackFile();
  if (!stack) throw new Error('No .local/stack.json: run `npm start` first.');
  const api = stack.apiUrl;
  const token = (email: string) => signIn(stack.cognito.endpoint, stack.cognito.clientId, email, PASSWORD);
  const buyer = await token('buyer@example.com');
  const provider = await token('provider@example.com');
  const request = async (method: string, path: string, bearer?: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text, headers: res.headers };
  };

  // a listed product of the demo provider, and answers its form accepts
  const catalog = await request('GET', '/products?limit=100');
  const mine = (await request('GET', '/provider/products?limit=100', provider)).body.items.map((p: { productId: string }) => p.productId);
  const listed = catalog.body.items.find((p: { productId: string }) => mine.includes(p.productId));
  if (!listed) throw new Error('No listed product of provider@example.com: start from the demo data.');
  const page = (await request('GET', `/products/${listed.productId}`)).body;
  const answers = Object.fromEntries(
    (page.requirementsTemplate ?? []).map((f: { key: string; type: string; options?: string[] }) => [
      f.key,
      f.type === 'number' ? 1 : f.type === 'select' ? f.options?.[0] : f.type === 'multiselect' ? [f.options?.[0]] : f.type === 'boolean' ? true : 'load test',
    ]),
  );

  // journeys, until the time is up
  const deadline = Date.now() + SECONDS * 1000;
  const acknowledged: string[] = [];
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
  const step = async (method: string, path: string, bearer: string, body?: unknown, headers?: Record<string, string>) => {
    const res = await request(method, path, bearer, body, headers);
    count(res.status);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const journey = async () => {
    while (Date.now() < deadline) {
      try {
        const key = randomUUID();
        const purchase = { productId: listed.productId, planId: page.plans[0].planId };
        const order = await step('POST', '/orders', buyer, purchase, { 'idempotency-key': key });
        acknowledged.push(order.orderId);
        // the client retries (say after a timeout): the same key answers the same order
        const again = await step('POST', '/orders', buyer, purchase, { 'idempotency-key': key });
        if (again.orderId !== order.orderId) failures.push(`retry of ${order.orderId} made ${again.orderId}`);
        const path = `/orders/${order.orderId}`;
        if (order.status === 'awaiting_requirements' || Object.keys(answers).length > 0) await step('PUT', `${path}/requirements`, buyer, { answers });
        await step('POST', `${path}/start`, provider);
        await step('POST', `${path}/complete`, provider, { note: 'load test' });
        await step('POST', `${path}/confirm`, buyer);
      } catch (err) {
        failures.push((err as Error).message);
      }
    }
  };

  const started = performance.now();
  const reads = autocannon({
    url: api,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      { method: 'GET', path: '/products?limit=20' },
      { method: 'GET', path: `/products/${listed.productId}` },
      { method: 'GET', path: '/buyer/orders?limit=20', headers: { authorization: `Bearer ${buyer}` } },
      { method: 'GET', path: '/provider/orders?limit=20', headers: { authorization: `Bearer ${provider}` } },
      { method: 'GET', path: '/notifications?limit=20', headers: { authorization: `Bearer ${buyer}` } },
    ],
  });
  const [readResult] = await Promise.all([reads, Promise.all(Array.from({ length: JOURNEYS }, journey))]);
  const seconds = (performance.now() - started) / 1000;

  // let the stream deliver the last notifications
  await new Promise((r) => setTimeout(r, 5000));
  const problems: string[] = [...failures];
  const ORDERED = ['awaiting_requirements', 'awaiting_start', 'in_progress', 'awaiting_confirmation', 'completed'];
  for (const orderId of acknowledged) {
    const res = await request('GET', `/orders/${orderId}`, buyer);
    if (res.status !== 200) {
      problems.push(`acknowledged order ${orderId} answers ${res.status}`);
      continue;
    }
    const changes = (res.body.timeline as Array<{ action: string; from: string | null; to: string }>).filter((e) => e.from !== e.to || e.from === null);
    for (let i = 1; i < changes.length; i++) {
      if (changes[i].from !== changes[i - 1].to) problems.push(`${orderId}: ${changes[i].action} from ${changes[i].from} after ${changes[i - 1].to}`);
    }
    const path = changes.map((e) => e.to).filter((s) => ORDERED.includes(s));
    if (path.some((s, i) => i > 0 && ORDERED.indexOf(s) < ORDERED.indexOf(path[i - 1]))) problems.push(`${orderId}: timeline out of order ${path.join(' → ')}`);
  }
  const ids = new Set<string>();
  let unreadItems = 0;
  let unreadCount = 0;
  let cursor: string | undefined;
  do {
    const res = await request('GET', `/notifications?unread=true&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, buyer);
    unreadCount = res.body.unreadCount;
    for (const n of res.body.items as Array<{ notificationId: string }>) {
      if (ids.has(n.notificationId)) problems.push(`notification ${n.notificationId} listed twice`);
      ids.add(n.notificationId);
      unreadItems++;
    }
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  if (unreadItems !== unreadCount) problems.push(`unread count ${unreadCount}, unread items ${unreadItems}`);

  const journeyRequests = [...statuses.values()].reduce((a, b) => a + b, 0);
  console.log(`
Load: ${seconds.toFixed(0)} s against ${api}
  reads (autocannon, ${CONNECTIONS} connections): ${readResult.requests.total} requests, ${readResult.requests.average.toFixed(0)} req/s,
    latency p50 ${readResult.latency.p50} ms, p99 ${readResult.latency.p99} ms, errors ${readResult.errors}, non-2xx ${readResult.non2xx}
  journeys (${JOURNEYS} at a time): ${acknowledged.length} orders bought and run to completion, ${journeyRequests} requests (${(journeyRequests / seconds).toFixed(1)} req/s),
    statuses ${JSON.stringify(Object.fromEntries(statuses))}
Checks: ${acknowledged.length} acknowledged orders read back; timelines checked; ${unreadItems} unread notifications, unread count ${unreadCount}
${problems.length === 0 ? 'No lost, duplicated or half-written records.' : `PROBLEMS (${problems.length}):\n  ${problems.slice(0, 20).join('\n  ')}`}`);
  process.exit(problems.length === 0 && readResult.errors === 0 && readResult.non2xx === 0 ? 0 : 1);
};

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
