import { performance } from 'node:perf_hooks';
import { noStackFile, readStackFile } from './lib/local-config';
import { checkRecords, client, runJourneys } from './lib/journeys';
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
  if (!stack) throw new Error(noStackFile());
  const api = stack.apiUrl;
  const token = (email: string) => signIn(stack.cognito.endpoint, stack.cognito.clientId, email, PASSWORD);
  const buyer = await token('buyer@example.com');
  const provider = await token('provider@example.com');
  const request = client(api);

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

  // warm-up: every route once, so that cold starts (serverless-offline loads each function on first use) and
  // the token key set's first fetch are not counted as load
  for (const [path, bearer] of [['/products?limit=20'], [`/products/${listed.productId}`], ['/buyer/orders?limit=20', buyer], ['/provider/orders?limit=20', provider], ['/notifications?limit=20', buyer]] as Array<[string, string?]>) {
    await request('GET', path, bearer);
  }
  {
    const warm = await request('POST', '/orders', buyer, { productId: listed.productId, planId: page.plans[0].planId });
    if (warm.status === 201) {
      const path = `/orders/${warm.body.orderId}`;
      await request('PUT', `${path}/requirements`, buyer, { answers });
      await request('POST', `${path}/start`, provider);
      await request('POST', `${path}/complete`, provider, { note: 'warm-up' });
      await request('POST', `${path}/confirm`, buyer);
    }
  }

  // journeys, until the time is up, beside the reads
  const deadline = Date.now() + SECONDS * 1000;
  const started = performance.now();
  const reads = autocannon({
    url: api,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 30,
    requests: [
      { method: 'GET', path: '/products?limit=20' },
      { method: 'GET', path: `/products/${listed.productId}` },
      { method: 'GET', path: '/buyer/orders?limit=20', headers: { authorization: `Bearer ${buyer}` } },
      { method: 'GET', path: '/provider/orders?limit=20', headers: { authorization: `Bearer ${provider}` } },
      { method: 'GET', path: '/notifications?limit=20', headers: { authorization: `Bearer ${buyer}` } },
    ],
  });
  const [readResult, run] = await Promise.all([
    reads,
    runJourneys({ request, buyer, provider, productId: listed.productId, planId: page.plans[0].planId, answers, deadline, concurrency: JOURNEYS }),
  ]);
  const seconds = (performance.now() - started) / 1000;
  const { acknowledged, statuses } = run;

  // let the stream deliver the last notifications
  await new Promise((r) => setTimeout(r, 5000));
  const checked = await checkRecords(request, buyer, acknowledged);
  const problems = [...run.failures, ...checked.problems];
  const unreadItems = checked.unread;

  const journeyRequests = [...statuses.values()].reduce((a, b) => a + b, 0);
  console.log(`
Load: ${seconds.toFixed(0)} s against ${api}
  reads (autocannon, ${CONNECTIONS} connections): ${readResult.requests.total} requests, ${readResult.requests.average.toFixed(0)} req/s,
    latency p50 ${readResult.latency.p50} ms, p99 ${readResult.latency.p99} ms, errors ${readResult.errors}, non-2xx ${readResult.non2xx}
  journeys (${JOURNEYS} at a time): ${acknowledged.length} orders bought and run to completion, ${journeyRequests} requests (${(journeyRequests / seconds).toFixed(1)} req/s),
    statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${run.retried} answers 503 or 429 with Retry-After, waited out and retried with the same key
Checks: ${acknowledged.length} acknowledged orders read back; timelines checked; ${unreadItems} unread notifications, unread count matches
${problems.length === 0 ? 'No lost, duplicated or half-written records.' : `PROBLEMS (${problems.length}):\n  ${problems.slice(0, 20).join('\n  ')}`}`);
  process.exit(problems.length === 0 && readResult.errors === 0 && readResult.non2xx === 0 ? 0 : 1);
};

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
