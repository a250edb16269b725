import WebSocket from 'ws';
import { composeStack } from './lib/compose';

/**
 * `npm run bench:live`: on a private local stack (DynamoDB Local, cognito-local, serverless-offline with its
 * stream poller, local event bus and WebSocket API), the time from a command's answer (the provider posts a
 * message) until the buyer's open console (a ws client) is told, and until it has refetched the order, as
 * the console does on that notice. RUNS commands, one after another.
 */
const RUNS = Number(process.env.RUNS ?? 20);
const PASSWORD = 'Passw0rd!bench';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil((xs.length * p) / 100) - 1))];

const main = async () => {
  const stack = await composeStack({
    parts: ['dynamodb', 'cognito', 'offline'],
    tableName: 'MarketBenchLive',
    poolName: 'market-bench-live',
    bucket: 'market-bench-live',
    users: {
      provider: { email: 'provider@bench.example', password: PASSWORD, roles: 'provider', token: true },
      buyer: { email: 'buyer@bench.example', password: PASSWORD, roles: 'buyer', token: true },
      operator: { email: 'operator@bench.example', password: PASSWORD, roles: 'operator', token: true },
    },
    logLevel: 'ERROR',
    offline: { workFolder: '.esbuild/test', startTimeoutMs: 900_000 },
    log: (line) => console.error(line),
  });
  try {
    const call = async (as: 'provider' | 'buyer' | 'operator', method: string, path: string, body?: unknown) => {
      const res = await fetch(`${stack.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${stack.users[as].token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    const product = await call('provider', 'POST', '/provider/products', {
      name: '实时推送基准',
      serviceType: 'ops_service',
      category: '运维服务',
      tags: ['bench'],
      summary: 'bench',
      description: 'bench',
      logoUrl: 'https://cdn.example.com/logo.png',
      deliveryDays: 1,
      warrantyDays: 1,
      plans: [{ planId: 'once', name: '单次', duration: 1, unit: 'times', listPrice: 100, price: 100 }],
      requirementsTemplate: [],
      requirementsBeforeStart: false,
    });
    const submitted = await call('provider', 'POST', `/provider/products/${product.productId}/submit`);
    await call('operator', 'POST', `/operator/products/${product.productId}/approve`, { version: submitted.version });
    const order = await call('buyer', 'POST', '/orders', { productId: product.productId, planId: 'once' });

    const ws = new WebSocket(`${stack.websocketUrl}?token=${encodeURIComponent(stack.users.buyer.token)}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    let waiting: ((at: number) => void) | undefined;
    ws.on('message', (data) => {
      const n = JSON.parse(String(data));
      if (n.type === 'order' && n.id === order.orderId) waiting?.(performance.now());
    });
    // the first command warms the functions (cold bundles, key set): not counted
    const told: number[] = [];
    const changed: number[] = [];
    for (let i = -1; i < RUNS; i++) {
      const arrived = new Promise<number>((resolve) => (waiting = resolve));
      await call('provider', 'POST', `/orders/${order.orderId}/messages`, { text: `第 ${i + 2} 条` });
      const answered = performance.now();
      const at = await arrived;
      await call('buyer', 'GET', `/orders/${order.orderId}`);
      const refetched = performance.now();
      if (i >= 0) {
        told.push(Math.max(0, at - answered));
        changed.push(refetched - answered);
      }
    }
    ws.close();
    const ms = (x: number) => `${Math.round(x)} ms`;
    console.table({
      'answer → console told (p50)': ms(pct(told, 50)),
      'answer → console told (p95)': ms(pct(told, 95)),
      'answer → order refetched (p50)': ms(pct(changed, 50)),
      'answer → order refetched (p95)': ms(pct(changed, 95)),
    });
    console.log(`${RUNS} runs; local stack on this machine (stream poll every 300 ms, local event bus, serverless-offline).`);
  } finally {
    await stack.stop();
  }
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
