import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Call = (handler: any, as: 'provider' | 'buyer' | 'operator' | undefined, opts?: { params?: any; body?: any; query?: any }) => Promise<{ status: number; body: any }>;
type Measure = (name: string, op: (i: number) => Promise<unknown>) => Promise<void>;

/**
 * The bench lines of the operator search, takedown, export, dashboard, webhook control, read-all and
 * deleting drafts. The dashboard is read for a provider with 100 and one with 10,000 orders: its day
 * items are seeded as the stream would have written them, and the cost must not differ.
 */
export const benchOps = async (ctx: { call: Call; measure: Measure; rounds: number; content: Record<string, unknown>; productId: string }) => {
  const { call, measure, rounds, content, productId } = ctx;
  const h = {
    create: (await import('../../functions/products/create')).handler,
    submit: (await import('../../functions/products/submit')).handler,
    approve: (await import('../../functions/operator/approve')).handler,
    buy: (await import('../../functions/orders/create')).handler,
    operatorOrders: (await import('../../functions/operator/orders')).handler,
    operatorProducts: (await import('../../functions/operator/products')).handler,
    takedown: (await import('../../functions/operator/takedown')).handler,
    deleteProduct: (await import('../../functions/products/delete')).handler,
    exportOrders: (await import('../../functions/orders/export')).handler,
    dashboard: (await import('../../functions/dashboard/get')).handler,
    readAll: (await import('../../functions/notifications/read-all')).handler,
    putWebhook: (await import('../../functions/webhooks/put')).handler,
    testWebhook: (await import('../../functions/webhooks/test')).handler,
    deliveries: (await import('../../functions/webhooks/deliveries')).handler,
  };
  const { ddb, tableName } = await import('../../lib/db/client');
  const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const { dashboardDayItem } = await import('../../lib/dashboard/items');
  const { dashboardDelta } = await import('../../lib/dashboard/model');

  const someOrder = (await call(h.buy, 'buyer', { body: { productId, planId: 'p1' } })).body;
  await measure('GET /operator/orders (page of 20)', () => call(h.operatorOrders, 'operator', { query: { limit: '20' } }));
  await measure('GET /operator/orders?status (20)', () => call(h.operatorOrders, 'operator', { query: { status: 'awaiting_start', limit: '20' } }));
  await measure('GET /operator/orders?orderId', () => call(h.operatorOrders, 'operator', { query: { orderId: someOrder.orderId } }));
  await measure('GET /operator/orders?providerId', () => call(h.operatorOrders, 'operator', { query: { providerId: someOrder.providerId, limit: '20' } }));
  await measure('GET /operator/products (20)', () => call(h.operatorProducts, 'operator', { query: { limit: '20' } }));
  await measure('GET /operator/products?status (20)', () => call(h.operatorProducts, 'operator', { query: { status: 'listed', limit: '20' } }));

  const listed: string[] = [];
  const drafts: string[] = [];
  for (let i = 0; i < rounds; i++) {
    const p = (await call(h.create, 'provider', { body: content })).body.productId;
    await call(h.submit, 'provider', { params: { productId: p } });
    await call(h.approve, 'operator', { params: { productId: p }, body: {} });
    listed.push(p);
    drafts.push((await call(h.create, 'provider', { body: content })).body.productId);
  }
  await measure('POST takedown (违规下架)', (i) => call(h.takedown, 'operator', { params: { productId: listed[i] }, body: { reason: 'bench' } }));
  await measure('DELETE /provider/products/{id}', (i) => call(h.deleteProduct, 'provider', { params: { productId: drafts[i] } }));
  await measure('GET /provider/orders/export', () => call(h.exportOrders, 'provider', { query: {} }));

  // the dashboard for 100 and for 10,000 orders over the same quarter: day items as the stream writes them
  const seed = async (providerId: string, orders: number) => {
    const days = new Map<string, Record<string, number>>();
    const start = Date.parse('2025-01-01T04:00:00Z');
    for (let i = 0; i < orders; i++) {
      const at = new Date(start + Math.floor((i / orders) * 90) * 86_400_000).toISOString();
      const d = dashboardDelta(
        { entryId: `e${i}`, orderId: `o${i}`, action: 'create', actor: 'b', role: 'buyer', at, from: null, to: 'awaiting_start', data: {} },
        { providerId, amount: 9_000, createdAt: at } as never,
      )!;
      const day = days.get(d.day) ?? {};
      for (const [k, n] of Object.entries(d.counts)) day[k] = (day[k] ?? 0) + (n ?? 0);
      days.set(d.day, day);
    }
    const items = [...days].map(([day, counts]) => dashboardDayItem.item({ providerId, day, ...counts } as never));
    for (let i = 0; i < items.length; i += 25) {
      await ddb.send(new BatchWriteCommand({ RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
  };
  // the read the handler makes for a provider (the handler itself is measured below with the bench provider)
  const { readDashboard } = await import('../../lib/dashboard/repository');
  const dashboardOf = (providerId: string) => readDashboard(providerId, '2025-01-01', '2025-03-31');
  await seed('bench-small', 100);
  await seed('bench-large', 10_000);
  await measure('dashboard, 90 days, 100 orders', () => dashboardOf('bench-small'));
  await measure('dashboard, 90 days, 10,000 orders', () => dashboardOf('bench-large'));
  await measure('GET /provider/dashboard (30 days)', () => call(h.dashboard, 'provider', { query: {} }));

  await measure('POST /notifications/read-all (none)', () => call(h.readAll, 'buyer'));

  const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await call(h.putWebhook, 'provider', { body: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` } });
    await measure('POST /provider/webhook/test (ping)', () => call(h.testWebhook, 'provider'));
    await measure('GET deliveries?status (20)', () => call(h.deliveries, 'provider', { query: { status: 'succeeded', limit: '20' } }));
  } finally {
    server.close();
  }
};
