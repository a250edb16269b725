import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildAll, coldStart, type Built } from './bench/bundles';
import { composeStack } from './lib/compose';
import { ensureUser, signIn } from './lib/stack';

// Locally on Node 20 the AWS SDK warns of its future Node 22 requirement; deployed functions run on Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run bench`: measured with the real handlers against a private DynamoDB Local and cognito-local.
 * 1. per action: DynamoDB round trips, consumed capacity (ReturnConsumedCapacity), p50/p95, and the ratio of the
 *    handler's time to the time its DynamoDB calls took in the same run (the "bare" calls);
 * 2. per function: bundle size and cold start of the previous build against the current one (scripts/bench/bundles.ts);
 * 3. scale: owners with 1,000 and 100,000 orders (BENCH_SCALES), list pages, filtered pages walked to the end, an
 *    order command, timer runs with nothing and with 200 due;
 * 4. history: `GET /orders/{id}` of an order with 60 keyed messages against the same order built without keys
 *    (round trips and items read must be equal, ±1 item: replay records are never read with the order).
 * 5. cost: every write the handlers make priced by AWS's rules from the items themselves, per command and per
 *    lifecycle, a typical and a rich listing, beside the previous design priced from the same writes; a product
 *    submission with 3 and with 300 operators in the pool (scripts/bench/cost.ts). Runs first, on a fresh table.
 * Writes `.bench/results.json` and `.bench/results.md`. Local latencies compare with each other only; round trips
 * and capacity units are what a deployment pays for. Sections: BENCH_SECTIONS=cost,actions,bundles,scale,history.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const SCALES = (process.env.BENCH_SCALES ?? '1000,100000').split(',').map(Number).filter((n) => n > 0);
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'cost,actions,bundles,scale,history').split(','));
const ROOT = join(__dirname, '..');

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');

const main = async () => {
  const stack = await composeStack({ parts: ['dynamodb', 'cognito', 's3'], tableName: 'MarketBench', poolName: 'bench', bucket: 'market-bench-attachments' });
  const s3rver = stack.s3;
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };
  const md: string[] = [`# Benchmark ${new Date().toISOString()}`, '', `Node ${process.version}, DynamoDB Local, real handlers.`, ''];
  try {
    const cognitoEndpoint = stack.cognito.endpoint;
    const pool = stack.cognito;
    const password = 'Bench2026!x';
    const token = async (email: string, role: 'provider' | 'buyer' | 'operator') => {
      const sub = await ensureUser(cognitoEndpoint, pool.userPoolId, email, password, role);
      // a provider acts for an organisation: its own, with them as its administrator
      if (role === 'provider') {
        const { ddb, tableName } = await import('../lib/db/client');
        const { ensureOrganisation } = await import('./lib/organisations');
        await ensureOrganisation(ddb, tableName, { providerId: sub, name: `Bench ${email}`, admin: { userId: sub, email } });
      }
      return signIn(cognitoEndpoint, pool.clientId, email, password);
    };
    const functionEnv = {
      ...stack.functionEnv,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      // the per-user limits stay on (their counter is part of a creation's cost) but out of the way
      RATE_ORDERS: '1000000',
      RATE_PRODUCTS: '1000000',
      RATE_MESSAGES: '1000000',
      RATE_UPLOADS: '1000000',
      RATE_WEBHOOK_SENDS: '1000000',
    };
    Object.assign(process.env, functionEnv);
    const tokens: Record<string, string> = {
      provider: await token('p@bench.example', 'provider'),
      buyer: await token('b@bench.example', 'buyer'),
      operator: await token('o@bench.example', 'operator'),
    };

    const { ddb } = await import('../lib/db/client');
    // every request counted; capacity asked for and summed; items read summed; time inside DynamoDB calls summed
    const meter = { requests: 0, capacity: 0, items: 0, dbMs: 0 };
    ddb.middlewareStack.add(
      (next) => async (args) => {
        meter.requests++;
        const input = (args as { input: Record<string, unknown> }).input;
        input.ReturnConsumedCapacity ??= 'TOTAL';
        const t = performance.now();
        try {
          const out = await next(args);
          const o = out.output as {
            ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }>;
            ScannedCount?: number;
            Item?: unknown;
            Responses?: Record<string, unknown[]>;
          };
          for (const c of [o?.ConsumedCapacity ?? []].flat()) meter.capacity += c.CapacityUnits ?? 0;
          meter.items += (o?.ScannedCount ?? 0) + (o?.Item ? 1 : 0) + Object.values(o?.Responses ?? {}).reduce((n, r) => n + r.length, 0);
          return out;
        } finally {
          meter.dbMs += performance.now() - t;
        }
      },
      { step: 'initialize', name: 'benchMeter' },
    );
    const h = {
      create: (await import('../functions/products/create')).handler,
      submit: (await import('../functions/products/submit')).handler,
      approve: (await import('../functions/operator/approve')).handler,
      catalog: (await import('../functions/products/catalog')).handler,
      buy: (await import('../functions/orders/create')).handler,
      requirements: (await import('../functions/orders/requirements')).handler,
      start: (await import('../functions/orders/start')).handler,
      complete: (await import('../functions/orders/complete')).handler,
      confirm: (await import('../functions/orders/confirm')).handler,
      rejectCompletion: (await import('../functions/orders/reject-completion')).handler,
      appeal: (await import('../functions/orders/appeal')).handler,
      getOrder: (await import('../functions/orders/get')).handler,
      listBuyer: (await import('../functions/orders/list-buyer')).handler,
      listProvider: (await import('../functions/orders/list-provider')).handler,
      inbox: (await import('../functions/notifications/list')).handler,
      message: (await import('../functions/orders/message')).handler,
      grant: (await import('../functions/attachments/grant')).handler,
      download: (await import('../functions/attachments/download')).handler,
      review: (await import('../functions/reviews/create')).handler,
      reply: (await import('../functions/reviews/reply')).handler,
      reviews: (await import('../functions/reviews/list')).handler,
    };
    const { PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
    const s3 = new S3Client({ region: 'us-east-1', endpoint: s3rver.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    // S3 requests the functions send: the storage's signed fetches (presigning sends none)
    let s3Requests = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((input: any, init?: any) => {
      if (String(input instanceof Request ? input.url : input).startsWith(s3rver.endpoint)) s3Requests++;
      return realFetch(input, init);
    }) as typeof fetch;
    const { runOrderTimers } = await import('../lib/orders/timers');
    const { config } = await import('../lib/config');

    const event = (as: string | undefined, method: string, opts: { params?: any; body?: any; query?: any; headers?: Record<string, string> } = {}) => ({
      version: '2.0',
      routeKey: `${method} /bench`,
      rawPath: '/bench',
      headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}), ...(opts.headers ?? {}) },
      pathParameters: opts.params,
      queryStringParameters: opts.query,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      requestContext: { requestId: `bench-${Math.random()}`, http: { method, path: '/bench' } },
    });
    const call = async (handler: any, as: string | undefined, opts: { params?: any; body?: any; query?: any; method?: string; headers?: Record<string, string> } = {}) => {
      const res = await handler(event(as, opts.method ?? (opts.body ? 'POST' : 'GET'), opts), { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 10_000 });
      const body = res.body && /json/.test(res.headers?.['content-type'] ?? '') ? JSON.parse(res.body) : res.body;
      return { status: res.statusCode as number, body };
    };
    const must = async (p: Promise<{ status: number; body: any }>, status = 200) => {
      const r = await p;
      if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
      return r.body;
    };

    const content = {
      name: 'Bench 运维', serviceType: 'ops_service', category: 'ops', tags: ['a'], summary: 's', description: 'd',
      logoUrl: 'https://cdn.example.com/l.png', deliveryDays: 1, warrantyDays: 1,
      plans: [{ planId: 'p1', name: 'one', duration: 1, unit: 'times', listPrice: 100, price: 90 }],
      requirementsTemplate: [{ key: 'host', label: 'Host', type: 'text', required: true }], requirementsBeforeStart: true,
    };
    const listedProduct = async (as: string) => {
      const product = await must(call(h.create, as, { body: content }), 201);
      const submitted = await must(call(h.submit, as, { params: { productId: product.productId }, method: 'POST' }));
      await must(call(h.approve, 'operator', { params: { productId: product.productId }, body: { version: submitted.version } }));
      return product.productId as string;
    };
    const product = await listedProduct('provider');
    const buyOne = async (productId = product) => (await must(call(h.buy, 'buyer', { body: { productId, planId: 'p1' } }), 201)).orderId as string;
    const readyToStart = async (productId = product) => {
      const orderId = await buyOne(productId);
      await must(call(h.requirements, 'buyer', { params: { orderId }, body: { answers: { host: 'h' } }, method: 'PUT' }));
      return orderId;
    };

    // 5. cost by AWS's rules: first, while the table holds nothing due but its own orders
    if (SECTIONS.has('cost')) {
      const { costSection } = await import('./bench/cost');
      const cost = await costSection({
        call,
        must,
        h,
        content,
        config,
        addOperator: (email: string) => ensureUser(cognitoEndpoint, pool.userPoolId, email, password, 'operator'),
      });
      results.cost = cost.results;
      md.push(...cost.md);
    }

    // 1. actions
    if (SECTIONS.has('actions')) {
      const rows: Array<Record<string, number | string>> = [];
      const measure = async (name: string, op: (i: number) => Promise<unknown>) => {
        const times: number[] = [];
        const dbTimes: number[] = [];
        const before = { ...meter };
        for (let i = 0; i < ROUNDS; i++) {
          const db = meter.dbMs;
          const t = performance.now();
          await op(i);
          times.push(performance.now() - t);
          dbTimes.push(meter.dbMs - db);
        }
        rows.push({
          action: name,
          p50: pct(times, 0.5),
          p95: pct(times, 0.95),
          roundTrips: (meter.requests - before.requests) / ROUNDS,
          capacity: (meter.capacity - before.capacity) / ROUNDS,
          bareP50: pct(dbTimes, 0.5),
          ratio: pct(times, 0.5) / Math.max(0.001, pct(dbTimes, 0.5)),
        });
      };
      const orders: string[] = [];
      await measure('POST /orders (buy)', async () => orders.push(await buyOne()));
      // a SaaS purchase beside the manual one: the purchase, its provisioning (the consumer's claim, createInstance
      // to a local endpoint, the answer written) and a renewal, per order
      {
        const { startSaasEndpoint } = await import('./lib/saas-endpoint');
        const { putSaasEndpoint, sealToken } = await import('../lib/saas/repository');
        const { newId } = await import('../lib/shared/ids');
        const { settleSaasOrderNow } = await import('../lib/orders/saas-job');
        const { sendSaasCall } = await import('../lib/orders/saas-sender');
        const renewHandler = (await import('../functions/orders/renew')).handler;
        const endpoint = await startSaasEndpoint({ token: 'bench-saas-token' });
        try {
          const providerId = (await must(call(h.create, 'provider', { body: content }), 201)).providerId as string;
          const at = new Date().toISOString();
          const passed = Object.fromEntries(['createInstance', 'renewInstance', 'modifyInstance', 'expireInstance', 'destroyInstance'].map((x) => [x, at]));
          await putSaasEndpoint({ providerId, url: endpoint.url, sealedToken: await sealToken(providerId, 'bench-saas-token'), revision: newId(), passed, verifiedAt: at, createdAt: at, updatedAt: at });
          const saasContent = { ...content, name: 'Bench SaaS', serviceType: 'saas', delivery: 'saas', requirementsTemplate: [], requirementsBeforeStart: false, plans: [{ planId: 'p1', name: 'one', duration: 1, unit: 'month', listPrice: 100, price: 90 }] };
          const saasProduct = await must(call(h.create, 'provider', { body: saasContent }), 201);
          const submitted = await must(call(h.submit, 'provider', { params: { productId: saasProduct.productId }, method: 'POST' }));
          await must(call(h.approve, 'operator', { params: { productId: saasProduct.productId }, body: { version: submitted.version } }));
          const saasOrders: string[] = [];
          await measure('POST /orders (buy, SaaS)', async () => saasOrders.push((await must(call(h.buy, 'buyer', { body: { productId: saasProduct.productId, planId: 'p1' } }), 201)).orderId));
          await measure('SaaS provisioning (consumer: claim, createInstance, provision)', async (i) => {
            const run = await settleSaasOrderNow(saasOrders[i], new Date(), config.orders, sendSaasCall);
            if (run.provisioned !== 1) throw new Error(`not provisioned: ${JSON.stringify(run)}`);
          });
          await measure('POST /orders/{id}/renew (SaaS)', (i) => must(call(renewHandler, 'buyer', { params: { orderId: saasOrders[i] }, body: { periods: 1 } })));
        } finally {
          await endpoint.close();
        }
      }
      // a code purchase beside the manual and SaaS ones: the stock counter's reservation, then the purchase's
      // transaction with the sale record; and the buyer's 查看兑换码 (the command, then the codes' Query, opened)
      {
        const uploadHandler = (await import('../functions/codes/upload')).handler;
        const revealHandler = (await import('../functions/orders/reveal')).handler;
        const codeContent = { ...content, name: 'Bench codes', serviceType: 'software', delivery: 'code', requirementsTemplate: [], requirementsBeforeStart: false };
        const codeProduct = await must(call(h.create, 'provider', { body: codeContent }), 201);
        const submitted = await must(call(h.submit, 'provider', { params: { productId: codeProduct.productId }, method: 'POST' }));
        await must(call(h.approve, 'operator', { params: { productId: codeProduct.productId }, body: { version: submitted.version } }));
        const codes = Array.from({ length: ROUNDS }, (_, i) => `BENCH-${codeProduct.productId}-${i}`);
        await must(call(uploadHandler, 'provider', { params: { productId: codeProduct.productId }, body: { planId: 'p1', codes } }));
        const codeOrders: string[] = [];
        await measure('POST /orders (buy, code)', async () => codeOrders.push((await must(call(h.buy, 'buyer', { body: { productId: codeProduct.productId, planId: 'p1' } }), 201)).orderId));
        await measure('POST /orders/{id}/reveal (code)', (i) => must(call(revealHandler, 'buyer', { params: { orderId: codeOrders[i] }, method: 'POST' })));
      }
      await measure('PUT /orders/{id}/requirements', (i) => must(call(h.requirements, 'buyer', { params: { orderId: orders[i] }, body: { answers: { host: 'h' } }, method: 'PUT' })));
      await measure('POST /orders/{id}/start', (i) => must(call(h.start, 'provider', { params: { orderId: orders[i] }, method: 'POST' })));
      await measure('POST /orders/{id}/start refused (409)', (i) => must(call(h.start, 'provider', { params: { orderId: orders[i] }, method: 'POST' }), 409));
      await measure('GET /orders/{id}', (i) => must(call(h.getOrder, 'buyer', { params: { orderId: orders[i] } })));
      await measure('GET /buyer/orders (page of 20)', () => must(call(h.listBuyer, 'buyer', { query: { limit: '20' } })));
      await measure('GET /products (page of 20)', () => must(call(h.catalog, undefined, { query: { limit: '20' } })));
      await measure('GET /notifications (page of 20)', () => must(call(h.inbox, 'buyer', { query: { limit: '20' } })));
      // operator search, takedown, export, dashboard, webhook control, read-all, deleting drafts
      await (await import('./lib/bench-ops')).benchOps({ call, measure, rounds: ROUNDS, content, productId: product });

      // conversation, attachments, ratings; S3 requests sent (a presigned URL is signed locally: none) counted beside DynamoDB's
      const s3Rows: Array<[string, number]> = [];
      const measureS3 = async (name: string, op: (i: number) => Promise<unknown>) => {
        const before = s3Requests;
        await measure(name, op);
        s3Rows.push([name, (s3Requests - before) / ROUNDS]);
      };
      await measureS3('POST messages (read-first)', (i) => call(h.message, 'buyer', { params: { orderId: orders[i] }, body: { text: '你好' } }));
      const grants: Array<{ attachmentId: string }> = [];
      await measureS3('POST attachments (grant)', async (i) => {
        grants.push((await call(h.grant, 'provider', { params: { orderId: orders[i] }, body: { fileName: 'r.txt', contentType: 'text/plain', size: 5 } })).body);
      });
      for (const [i, g] of grants.entries()) {
        await s3.send(new PutObjectCommand({ Bucket: s3rver.bucket, Key: `orders/${orders[i]}/${g.attachmentId}`, Body: 'hello', ContentType: 'text/plain' }));
      }
      await measureS3('POST messages + new attachment', (i) =>
        call(h.message, 'provider', { params: { orderId: orders[i] }, body: { text: '见附件', attachments: [grants[i].attachmentId] } }),
      );
      await measureS3('GET attachment (302)', (i) => call(h.download, 'buyer', { params: { orderId: orders[i], attachmentId: grants[i].attachmentId } }));
      for (const orderId of orders) {
        await call(h.complete, 'provider', { params: { orderId }, body: { note: 'done' } });
        await call(h.confirm, 'buyer', { params: { orderId }, method: 'POST' });
      }
      await measure('POST review (read + transaction)', (i) => call(h.review, 'buyer', { params: { orderId: orders[i] }, body: { rating: 1 + (i % 5) } }));
      await measure('POST review/reply', (i) => call(h.reply, 'provider', { params: { orderId: orders[i] }, body: { text: '谢谢' } }));
      await measure('GET /products/{id}/reviews (20)', () => call(h.reviews, undefined, { params: { productId: product }, query: { limit: '20' } }));
      results.s3 = s3Rows;
      results.actions = rows;
      md.push(`## Actions (${ROUNDS} calls each)`, '', '| action | round trips | capacity units | p50 ms | p95 ms | bare DynamoDB p50 ms | handler / bare |', '|---|---:|---:|---:|---:|---:|---:|');
      for (const r of rows) md.push(`| ${r.action} | ${fmt(r.roundTrips as number, 2)} | ${fmt(r.capacity as number, 2)} | ${fmt(r.p50 as number)} | ${fmt(r.p95 as number)} | ${fmt(r.bareP50 as number)} | ${fmt(r.ratio as number, 2)} |`);
      md.push('', `S3 requests per call: ${s3Rows.map(([n, c]) => `${n} ${c.toFixed(2)}`).join('; ')} (presigning is local signing, no request)`, '');
    }

    // 2. bundles: size and cold start, previous build against current, in the same run
    if (SECTIONS.has('bundles')) {
      console.log('Building every function three ways…');
      const built = await buildAll();
      const by = (variant: string) => new Map(built.filter((b) => b.variant === variant).map((b) => [b.name, b]));
      const [previous, current, runtimeSdk] = [by('previous'), by('current'), by('runtimeSdk')];
      const rows: Array<Record<string, number | string>> = [];
      for (const [name, cur] of current) {
        const prev = previous.get(name)!;
        const coldPrev = coldStart(prev, functionEnv, COLD_RUNS);
        const coldCur = coldStart(cur, functionEnv, COLD_RUNS);
        rows.push({ name, prevBytes: prev.bytes, prevMapBytes: prev.mapBytes, bytes: cur.bytes, coldPrev, coldCur, ratio: coldCur / coldPrev });
      }
      // the SDK decision and the first call, on a few representative functions
      const sdk: Array<Record<string, number | string>> = [];
      for (const name of ['startOrder', 'listCatalog', 'routeTableEvents']) {
        const cur = current.get(name)!;
        const rt = runtimeSdk.get(name)!;
        sdk.push({ name, bytes: cur.bytes, runtimeBytes: rt.bytes, cold: coldStart(cur, functionEnv, COLD_RUNS), coldRuntime: coldStart(rt, functionEnv, COLD_RUNS) });
      }
      const startEvent = async () => {
        const orderId = await readyToStart();
        return { event: event('provider', 'POST', { params: { orderId } }) };
      };
      const firstCall = async (b: Built) => {
        const times: number[] = [];
        for (let i = 0; i < COLD_RUNS; i++) {
          const ev = await startEvent();
          times.push(coldStart(b, functionEnv, 1, () => ev));
        }
        return pct(times, 0.5);
      };
      const firstPrev = await firstCall(previous.get('startOrder')!);
      const firstCur = await firstCall(current.get('startOrder')!);
      const ratios = rows.map((r) => r.ratio as number);
      const summary = {
        largestBytes: Math.max(...rows.map((r) => r.bytes as number)),
        largestPrevBytes: Math.max(...rows.map((r) => r.prevBytes as number)),
        coldRatioMedian: pct(ratios, 0.5),
        coldRatioMax: Math.max(...ratios),
        firstCallPrev: firstPrev,
        firstCallCur: firstCur,
        firstCallRatio: firstCur / firstPrev,
      };
      results.bundles = { rows, sdk, summary };
      md.push(
        `## Bundles (median of ${COLD_RUNS} fresh processes)`,
        '',
        `Largest bundle ${fmt(summary.largestBytes / 1024, 0)} KB (previous ${fmt(summary.largestPrevBytes / 1024, 0)} KB plus its source map). ` +
          `Cold require, current / previous: median ${fmt(summary.coldRatioMedian, 2)}, worst ${fmt(summary.coldRatioMax, 2)}. ` +
          `Require + first call of POST /orders/{id}/start: ${fmt(firstCur)} ms against ${fmt(firstPrev)} ms (${fmt(summary.firstCallRatio, 2)}).`,
        '',
        '| function | previous KB (+ map KB) | current KB | previous cold ms | current cold ms | ratio |',
        '|---|---:|---:|---:|---:|---:|',
      );
      for (const r of rows) {
        md.push(`| ${r.name} | ${fmt((r.prevBytes as number) / 1024, 0)} (+${fmt((r.prevMapBytes as number) / 1024, 0)}) | ${fmt((r.bytes as number) / 1024, 0)} | ${fmt(r.coldPrev as number)} | ${fmt(r.coldCur as number)} | ${fmt(r.ratio as number, 2)} |`);
      }
      md.push('', 'AWS SDK bundled (current) or left to the runtime:', '', '| function | bundled KB | cold ms | runtime SDK KB | cold ms |', '|---|---:|---:|---:|---:|');
      for (const r of sdk) md.push(`| ${r.name} | ${fmt((r.bytes as number) / 1024, 0)} | ${fmt(r.cold as number)} | ${fmt((r.runtimeBytes as number) / 1024, 0)} | ${fmt(r.coldRuntime as number)} |`);
      md.push('');
    }

    // 4. history: the order read does not grow with the keyed commands taken on it
    if (SECTIONS.has('history')) {
      const { historySection } = await import('./bench/history');
      const history = await historySection({ call, must, meter, h, readyToStart, rounds: Math.min(ROUNDS, 50) });
      results.history = history.results;
      md.push(...history.md);
    }

    // 3. scale
    if (SECTIONS.has('scale')) {
      const { scaleSection } = await import('./bench/scale');
      const scale = await scaleSection({ scales: SCALES, call, must, meter, h, tokens, token, listedProduct, readyToStart, runOrderTimers, config });
      results.scale = scale.results;
      md.push(...scale.md);
    }
  } finally {
    await stack.stop();
  }
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(join(ROOT, '.bench', 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(ROOT, '.bench', 'results.md'), md.join('\n') + '\n');
  console.log(md.join('\n'));
  console.log('\nWritten: .bench/results.md and .bench/results.json');
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
