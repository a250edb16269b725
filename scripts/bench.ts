import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureTable, ensureUser, ensureUserPool, freePort, signIn, startCognito, startDynamo, startS3 } from './lib/stack';

// Locally on Node 20 the AWS SDK warns of its future Node 22 requirement; deployed functions run on Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run bench`: latency (p50/p95 over many calls) and DynamoDB requests per operation, measured with
 * the real handlers against a private DynamoDB Local and cognito-local. Local latencies are a relative
 * measure (DynamoDB Local is slower than DynamoDB); request counts are what a deployment pays for.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'market-bench-'));
  const [dynamoPort, cognitoPort] = [await freePort(), await freePort()];
  const dynamo = await startDynamo(dynamoPort);
  const cognito = await startCognito(cognitoPort, dir);
  const s3rver = await startS3(await freePort(), join(dir, 's3'), 'market-bench-attachments', { reset: true });
  try {
    const dynamodb = `http://127.0.0.1:${dynamoPort}`;
    const cognitoEndpoint = `http://127.0.0.1:${cognitoPort}`;
    await ensureTable(dynamodb, 'MarketBench');
    const pool = await ensureUserPool(cognitoEndpoint, 'bench');
    const password = 'Bench2026!x';
    const token = async (email: string, role: 'provider' | 'buyer' | 'operator') => {
      await ensureUser(cognitoEndpoint, pool.userPoolId, email, password, role);
      return signIn(cognitoEndpoint, pool.clientId, email, password);
    };
    Object.assign(process.env, {
      TABLE_NAME: 'MarketBench',
      DYNAMODB_ENDPOINT: dynamodb,
      AUTH_ISSUER: `${cognitoEndpoint}/${pool.userPoolId}`,
      AUTH_CLIENT_ID: pool.clientId,
      AUTH_ALLOW_HTTP_ISSUER: 'true',
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      S3_ENDPOINT: s3rver.endpoint,
      ATTACHMENTS_BUCKET: s3rver.bucket,
    });
    const tokens = { provider: await token('p@bench.example', 'provider'), buyer: await token('b@bench.example', 'buyer'), operator: await token('o@bench.example', 'operator') };

    const { ddb } = await import('../lib/db/client');
    let requests = 0;
    ddb.middlewareStack.add((next) => async (args) => (requests++, next(args)), { step: 'initialize', name: 'benchCount' });
    const h = {
      create: (await import('../functions/products/create')).handler,
      submit: (await import('../functions/products/submit')).handler,
      approve: (await import('../functions/operator/approve')).handler,
      catalog: (await import('../functions/products/catalog')).handler,
      buy: (await import('../functions/orders/create')).handler,
      requirements: (await import('../functions/orders/requirements')).handler,
      start: (await import('../functions/orders/start')).handler,
      getOrder: (await import('../functions/orders/get')).handler,
      listOrders: (await import('../functions/orders/list-buyer')).handler,
      message: (await import('../functions/orders/message')).handler,
      grant: (await import('../functions/attachments/grant')).handler,
      download: (await import('../functions/attachments/download')).handler,
      complete: (await import('../functions/orders/complete')).handler,
      confirm: (await import('../functions/orders/confirm')).handler,
      review: (await import('../functions/reviews/create')).handler,
      reply: (await import('../functions/reviews/reply')).handler,
      reviews: (await import('../functions/reviews/list')).handler,
    };
    const { s3 } = await import('../lib/attachments/storage');
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    let s3Requests = 0;
    s3.middlewareStack.add((next) => async (args) => (s3Requests++, next(args)), { step: 'deserialize', name: 'benchCountS3' });
    const { runOrderTimers } = await import('../lib/orders/timers');
    const { config } = await import('../lib/config');

    const call = async (handler: any, as: keyof typeof tokens | undefined, opts: { params?: any; body?: any; query?: any } = {}) => {
      const event = {
        version: '2.0',
        rawPath: '/',
        headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}) },
        pathParameters: opts.params,
        queryStringParameters: opts.query,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        requestContext: { requestId: `bench-${Math.random()}`, http: { method: 'POST', path: '/' } },
      };
      const res = await handler(event, { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 10_000 });
      return { status: res.statusCode, body: res.body && /json/.test(res.headers?.['content-type'] ?? '') ? JSON.parse(res.body) : res.body };
    };

    const content = {
      name: 'Bench 运维', serviceType: 'ops_service', category: 'ops', tags: ['a'], summary: 's', description: 'd',
      logoUrl: 'https://cdn.example.com/l.png', deliveryDays: 1, warrantyDays: 1,
      plans: [{ planId: 'p1', name: 'one', duration: 1, unit: 'times', listPrice: 100, price: 90 }],
      requirementsTemplate: [{ key: 'host', label: 'Host', type: 'text', required: true }], requirementsBeforeStart: true,
    };
    const product = (await call(h.create, 'provider', { body: content })).body;
    const submitted = (await call(h.submit, 'provider', { params: { productId: product.productId } })).body;
    await call(h.approve, 'operator', { params: { productId: product.productId }, body: { version: submitted.version } });

    const rows: Array<[string, number, number, number]> = [];
    const measure = async (name: string, op: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      const before = requests;
      for (let i = 0; i < ROUNDS; i++) {
        const t = performance.now();
        await op(i);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      rows.push([name, times[Math.floor(ROUNDS * 0.5)], times[Math.floor(ROUNDS * 0.95)], (requests - before) / ROUNDS]);
    };

    const orders: string[] = [];
    await measure('POST /orders (buy)', async () => {
      orders.push((await call(h.buy, 'buyer', { body: { productId: product.productId, planId: 'p1' } })).body.orderId);
    });
    await measure('PUT requirements (read-first)', (i) => call(h.requirements, 'buyer', { params: { orderId: orders[i] }, body: { answers: { host: 'h' } } }));
    await measure('POST start (no read first)', (i) => call(h.start, 'provider', { params: { orderId: orders[i] } }));
    await measure('POST start refused (409)', (i) => call(h.start, 'provider', { params: { orderId: orders[i] } }));
    await measure('GET /orders/{id}', (i) => call(h.getOrder, 'buyer', { params: { orderId: orders[i] } }));
    await measure('GET /buyer/orders (page of 20)', () => call(h.listOrders, 'buyer', { query: { limit: '20' } }));
    await measure('GET /products (page of 20)', () => call(h.catalog, undefined, { query: { limit: '20' } }));
    // operator search, takedown, export, dashboard, webhook control, read-all, deleting drafts
    await (await import('./lib/bench-ops')).benchOps({ call, measure, rounds: ROUNDS, content, productId: product.productId });

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
      await call(h.confirm, 'buyer', { params: { orderId } });
    }
    await measure('POST review (read + transaction)', (i) => call(h.review, 'buyer', { params: { orderId: orders[i] }, body: { rating: 1 + (i % 5) } }));
    await measure('POST review/reply', (i) => call(h.reply, 'provider', { params: { orderId: orders[i] }, body: { text: '谢谢' } }));
    await measure('GET /products/{id}/reviews (20)', () => call(h.reviews, undefined, { params: { productId: product.productId }, query: { limit: '20' } }));

    // the timer job: cost with nothing due, then over N due orders
    const idleBefore = requests;
    await runOrderTimers(new Date(), config.orders);
    const idle = requests - idleBefore;
    const due: string[] = [];
    for (let i = 0; i < ROUNDS; i++) due.push((await call(h.buy, 'buyer', { body: { productId: product.productId, planId: 'p1' } })).body.orderId);
    const jobBefore = requests;
    const t = performance.now();
    const run = await runOrderTimers(new Date(Date.now() + 3 * 24 * 3600 * 1000), config.orders);
    const jobMs = performance.now() - t;

    console.log(`\nMarketplace benchmark: ${ROUNDS} calls per operation, real handlers, DynamoDB Local\n`);
    console.log('operation'.padEnd(38), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'DynamoDB requests/call'.padStart(24));
    for (const [name, p50, p95, perCall] of rows) {
      console.log(name.padEnd(38), p50.toFixed(1).padStart(8), p95.toFixed(1).padStart(8), perCall.toFixed(2).padStart(24));
    }
    console.log(`\nS3 requests per call: ${s3Rows.map(([n, c]) => `${n} ${c.toFixed(2)}`).join('; ')} (presigning is local signing, no request)`);
    console.log(`\norder timers, nothing due: ${idle} requests (one Query per due-index shard)`);
    console.log(`order timers, ${run.reminded} due reminders: ${requests - jobBefore} requests, ${jobMs.toFixed(0)} ms (${((requests - jobBefore - idle) / Math.max(1, run.reminded)).toFixed(2)} writes per due order)`);
  } finally {
    await s3rver.close();
    dynamo.kill();
    cognito.kill();
    rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
