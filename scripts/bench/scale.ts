import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import { ddb, tableName } from '../../lib/db/client';
import { orderBodyItem, orderItem } from '../../lib/orders/items';
import { readOrder, splitOrder } from '../../lib/orders/layout';
import { orderItemSchema } from '../../lib/orders/schemas';
import { newId } from '../../lib/shared/ids';

/**
 * The scale check: a provider with N orders (1,000 and 100,000), most of them finished, 0.1 % disputed.
 * Seeding copies real orders (made through the handlers, one per status) under new ids, 25 items a request,
 * many requests at once; the copies leave the due index out, so the timer runs see only what is really due.
 */
const SHARE = { awaiting_requirements: 0.2, implementing: 0.15, completed: 0.649, disputed: 0.001 } as const;
const CONCURRENCY = Number(process.env.BENCH_SEED_CONCURRENCY ?? 24);

type Ctx = Record<string, any>;

const seed = async (templates: Record<string, Record<string, unknown>>, n: number) => {
  const plan: Array<Record<string, unknown>> = [];
  for (const [status, share] of Object.entries(SHARE)) {
    const count = Math.max(1, Math.round(n * share));
    const template = templates[status];
    const text = JSON.stringify(template);
    const oldId = template.orderId as string;
    for (let i = 0; i < count; i++) {
      const copy = JSON.parse(text.split(oldId).join(newId())) as Record<string, unknown>;
      // built by the order's declaration: the copy's shards follow its new id, and without a due time it is not due
      const { head, body } = splitOrder(orderItemSchema.parse(copy));
      plan.push(orderItem.item(head), orderBodyItem.item(body));
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const batch = plan.slice(next, next + 25);
      next += 25;
      let requests: any = { [tableName]: batch.map((Item) => ({ PutRequest: { Item } })) };
      while (requests && Object.keys(requests).length > 0) {
        const out = await ddb.send(new BatchWriteCommand({ RequestItems: requests }));
        requests = out.UnprocessedItems;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // two items an order: its head and its body
  return plan.length / 2;
};

export const scaleSection = async (c: Ctx) => {
  const { call, must, meter, h, tokens, token } = c;
  const results: Array<Record<string, unknown>> = [];
  const md: string[] = ['## Scale', ''];
  let lastProvider = '';
  let lastProduct = '';
  for (const n of c.scales as number[]) {
    const as = `scale${n}`;
    tokens[as] = await token(`p${n}@bench.example`, 'provider');
    const productId: string = await c.listedProduct(as);
    // one real order per status
    const templates: Record<string, Record<string, unknown>> = {};
    const order = async () => (await must(call(h.buy, 'buyer', { body: { productId, planId: 'p1' } }), 201)).orderId as string;
    const read = async (orderId: string) => (await readOrder(orderId))! as Record<string, unknown>;
    const o1 = await order();
    templates.awaiting_requirements = await read(o1);
    const o2 = await c.readyToStart(productId);
    await must(call(h.start, as, { params: { orderId: o2 }, method: 'POST' }));
    templates.implementing = await read(o2);
    const o3 = await c.readyToStart(productId);
    await must(call(h.start, as, { params: { orderId: o3 }, method: 'POST' }));
    await must(call(h.complete, as, { params: { orderId: o3 }, body: { note: 'done' } }));
    await must(call(h.confirm, 'buyer', { params: { orderId: o3 }, method: 'POST' }));
    templates.completed = await read(o3);
    const o4 = await c.readyToStart(productId);
    await must(call(h.start, as, { params: { orderId: o4 }, method: 'POST' }));
    for (let i = 0; i < 3; i++) {
      await must(call(h.complete, as, { params: { orderId: o4 }, body: { note: `done ${i}` } }));
      await must(call(h.rejectCompletion, 'buyer', { params: { orderId: o4 }, body: { reason: `not yet ${i}` } }));
    }
    await must(call(h.appeal, 'buyer', { params: { orderId: o4 }, body: { reason: 'stuck' } }));
    templates.disputed = await read(o4);

    const t0 = performance.now();
    const seeded = await seed(templates, n);
    const seedSeconds = (performance.now() - t0) / 1000;
    console.log(`Seeded ${seeded} orders in ${seedSeconds.toFixed(0)} s`);

    const measure = async (op: () => Promise<unknown>) => {
      const before = { ...meter };
      const t = performance.now();
      const result = await op();
      return { ms: performance.now() - t, roundTrips: meter.requests - before.requests, capacity: meter.capacity - before.capacity, result };
    };
    const page = await measure(() => must(call(h.listProvider, as, { query: { limit: '20' } })));
    const walk = await measure(async () => {
      let cursor: string | undefined;
      let pages = 0;
      let found = 0;
      do {
        const body = await must(call(h.listProvider, as, { query: { status: 'disputed', limit: '20', ...(cursor ? { cursor } : {}) } }));
        pages++;
        found += body.items.length;
        cursor = body.nextCursor ?? undefined;
      } while (cursor);
      return { pages, found };
    });
    const ready = await c.readyToStart(productId);
    const command = await measure(() => must(call(h.start, as, { params: { orderId: ready }, method: 'POST' })));
    const idle = await measure(() => c.runOrderTimers(new Date(), c.config.orders));
    const row = {
      orders: seeded + 4,
      seedSeconds,
      page: { roundTrips: page.roundTrips, capacity: page.capacity, ms: page.ms },
      disputedWalk: { ...(walk.result as object), roundTrips: walk.roundTrips, capacity: walk.capacity, ms: walk.ms },
      command: { roundTrips: command.roundTrips, capacity: command.capacity, ms: command.ms },
      timersNothingDue: { roundTrips: idle.roundTrips, capacity: idle.capacity, ms: idle.ms },
    };
    results.push(row);
    lastProvider = as;
    lastProduct = productId;
  }
  // one timer run with 200 orders due (provider reminders two days after the requirements), on the largest table
  let due: Record<string, unknown> | undefined;
  if (lastProvider) {
    for (let i = 0; i < 200; i++) await c.readyToStart(lastProduct);
    const before = { ...meter };
    const t = performance.now();
    const run = await c.runOrderTimers(new Date(Date.now() + 3 * 24 * 3600 * 1000), c.config.orders);
    due = { ...run, roundTrips: meter.requests - before.requests, capacity: meter.capacity - before.capacity, ms: performance.now() - t };
  }
  const first = results[0] as any;
  md.push(
    '| orders of the owner | seeding s | page of 20: round trips / capacity | disputed walked to the end: found / pages / round trips / capacity | start: round trips / capacity | timers, nothing due: round trips |',
    '|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of results as any[]) {
    md.push(
      `| ${r.orders} | ${r.seedSeconds.toFixed(0)} | ${r.page.roundTrips} / ${r.page.capacity.toFixed(1)} | ${r.disputedWalk.found} / ${r.disputedWalk.pages} / ${r.disputedWalk.roundTrips} / ${r.disputedWalk.capacity.toFixed(1)} | ${r.command.roundTrips} / ${r.command.capacity.toFixed(1)} | ${r.timersNothingDue.roundTrips} |`,
    );
  }
  if (results.length > 1) {
    const last = results[results.length - 1] as any;
    md.push(
      '',
      `Ratios ${last.orders} / ${first.orders} orders: page round trips ${(last.page.roundTrips / first.page.roundTrips).toFixed(2)}, ` +
        `disputed walk round trips ${(last.disputedWalk.roundTrips / first.disputedWalk.roundTrips).toFixed(2)} (matches ${(last.disputedWalk.found / Math.max(1, first.disputedWalk.found)).toFixed(0)}×), ` +
        `start round trips ${(last.command.roundTrips / first.command.roundTrips).toFixed(2)}, idle timer run ${(last.timersNothingDue.roundTrips / first.timersNothingDue.roundTrips).toFixed(2)}.`,
    );
  }
  if (due) md.push('', `Timer run with 200 due on the largest table: ${JSON.stringify(due)}`);
  md.push('');
  return { results: { rows: results, due }, md };
};
