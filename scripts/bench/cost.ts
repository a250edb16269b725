import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '../lib/infra';
import { indexes, keys } from '../../lib/db/keys';
import { projectingAll, priceWrite, sumPrices, tableDefOf, type Item, type RecordedWrite, type TableDef, type WriteOp } from './pricing';

/**
 * The cost section of `npm run bench`: every write the handlers make is recorded (a middleware on the one
 * DynamoDB client: each Put, Update and Delete, each element of a TransactWriteItems including its
 * ConditionChecks, and whether it was transactional) with the item's images before and after it, read by
 * consistent probes on a client of their own (outside the meter). The writes are priced by AWS's rules
 * (scripts/bench/pricing.ts) twice from the same run:
 * - current: the items as written, the indexes as serverless.yml projects them;
 * - previous: an order's or a product's items (its head and, when it has one, its body) merged into one item
 *   per entity, written once per command, with every index projecting ALL, and the index places the previous
 *   design had (an order's GSI1 and GSI2: `previousPlaces`).
 * The inbox consumer's writes (the notifications a command's timeline entry makes) are priced beside them.
 */

type Key = { PK: string; SK: string };
interface Recorded extends RecordedWrite {
  key: Key;
  /** The merged images of the order or product the write belongs to (head + body), when it is one's part. */
  entity?: { pk: string; before?: Item; after?: Item };
}

/** The parts of an order or product: its head (SK `ORDER`/`PRODUCT`) and its body (SK `ORDER#BODY`/`PRODUCT#BODY`). */
const ENTITY_PARTITION = /^(ORDER|PRODUCT)#/;
const isEntityPart = (k: Key) => ENTITY_PARTITION.test(k.PK) && /^(ORDER|PRODUCT)(#BODY)?$/.test(k.SK);
/**
 * A product's sale state (`SALE`): the previous design kept those attributes on its one item, so a write of it is
 * part of the product's merged write and a purchase's check of it is a check of the whole product.
 */
const isSaleState = (k: Key) => k.PK.startsWith('PRODUCT#') && k.SK === 'SALE';
const belongsToEntity = (k: Key) => isEntityPart(k) || isSaleState(k);
/** Attributes the previous design did not store: the summary row the new indexes project. */
const NEW_ATTRIBUTES = ['row'];
const isHead = (sk: string) => sk === 'ORDER' || sk === 'PRODUCT';

/**
 * The index places the previous design gave an entity that the current one does not: an order's every-status
 * lists (GSI1 a provider's, GSI2 a buyer's, `<createdAt>#<orderId>`), now its status partitions merged.
 */
const previousPlaces = (merged: Item): Item => {
  if (merged.type !== 'order') return merged;
  const o = merged as { providerId: string; buyerId: string; createdAt: string; orderId: string };
  const sk = keys.sortByTime(o.createdAt, o.orderId);
  return {
    ...merged,
    [indexes.GSI1.pk]: keys.providerOrders(o.providerId),
    [indexes.GSI1.sk]: sk,
    [indexes.GSI2.pk]: keys.buyerOrders(o.buyerId),
    [indexes.GSI2.sk]: sk,
  };
};

const str = (v: unknown): string => (typeof v === 'string' ? v : ((v as { S?: string })?.S ?? ''));
const keyOf = (o: Record<string, unknown> | undefined): Key => ({ PK: str(o?.PK), SK: str(o?.SK) });

export interface Meter {
  /** Starts recording into a fresh bucket; returns it. */
  start(): Bucket;
  stop(): void;
}
export interface Bucket {
  writes: Recorded[];
  requests: number;
}

/** Installs the recorder on the functions' client; recording only between start() and stop(). */
export const installWriteMeter = async (): Promise<Meter> => {
  const { ddb, tableName } = await import('../../lib/db/client');
  const { config } = await import('../../lib/config');
  const probe = DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: config.region, endpoint: config.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const get = async (key: Key) => (await probe.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
  const entityOf = async (pk: string): Promise<Item | undefined> => {
    const out = await probe.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true }),
    );
    const parts = (out.Items ?? []).filter((i) => isEntityPart(keyOf(i)));
    const head = parts.find((i) => isHead(str(i.SK)));
    if (!head) return undefined;
    const merged: Item = { ...head };
    for (const part of parts) {
      if (part === head) continue;
      const { PK: _pk, SK: _sk, type: _type, ...rest } = part;
      for (const [k, v] of Object.entries(rest)) if (!k.startsWith('GSI')) merged[k] = v;
    }
    for (const k of NEW_ATTRIBUTES) delete merged[k];
    return previousPlaces(merged);
  };
  const snapshot = async (targets: Array<{ key: Key }>) => {
    const items = await Promise.all(targets.map((t) => get(t.key)));
    const pks = [...new Set(targets.filter((t) => belongsToEntity(t.key)).map((t) => t.key.PK))];
    const entities = new Map(await Promise.all(pks.map(async (pk) => [pk, await entityOf(pk)] as const)));
    return { items, entities };
  };

  let bucket: Bucket | undefined;
  ddb.middlewareStack.add(
    (next, context) => async (args) => {
      if (!bucket) return next(args);
      const current = bucket;
      current.requests++;
      const name = String((context as { commandName?: string }).commandName ?? '');
      const input = (args as { input: Record<string, any> }).input;
      const targets: Array<{ op: WriteOp; key: Key; transactional: boolean }> = [];
      if (/^Put/.test(name)) targets.push({ op: 'Put', key: keyOf(input.Item), transactional: false });
      else if (/^Update/.test(name)) targets.push({ op: 'Update', key: keyOf(input.Key), transactional: false });
      else if (/^Delete/.test(name)) targets.push({ op: 'Delete', key: keyOf(input.Key), transactional: false });
      else if (/^TransactWrite/.test(name)) {
        for (const t of input.TransactItems ?? []) {
          const op = (['Put', 'Update', 'Delete', 'ConditionCheck'] as const).find((o) => t[o]);
          if (op) targets.push({ op, key: keyOf(op === 'Put' ? t.Put.Item : t[op].Key), transactional: true });
        }
      } else if (/^BatchWrite/.test(name)) {
        for (const reqs of Object.values(input.RequestItems ?? {}) as Array<Array<Record<string, any>>>) {
          for (const r of reqs) targets.push(r.PutRequest ? { op: 'Put', key: keyOf(r.PutRequest.Item), transactional: false } : { op: 'Delete', key: keyOf(r.DeleteRequest.Key), transactional: false });
        }
      }
      if (!targets.length) return next(args);
      const before = await snapshot(targets);
      let failed = false;
      try {
        return await next(args);
      } catch (err) {
        const n = (err as { name?: string }).name;
        failed = n === 'ConditionalCheckFailedException' || n === 'TransactionCanceledException';
        throw err;
      } finally {
        const after = await snapshot(targets);
        targets.forEach((t, i) => {
          const pk = t.key.PK;
          current.writes.push({
            op: t.op,
            key: t.key,
            transactional: t.transactional,
            before: before.items[i],
            after: after.items[i],
            ...(failed ? { failed } : {}),
            ...(belongsToEntity(t.key) ? { entity: { pk, before: before.entities.get(pk), after: after.entities.get(pk) } } : {}),
          });
        });
      }
    },
    { step: 'initialize', name: 'benchWriteMeter', priority: 'low' },
  );
  return {
    start: () => (bucket = { writes: [], requests: 0 }),
    stop: () => {
      bucket = undefined;
    },
  };
};

/** The current layout's table, from serverless.yml; the previous design's: every index ALL. */
export const tables = () => {
  const current = tableDefOf(tableDefinition('bench'));
  return { current, previous: projectingAll(current) };
};

/** The previous design's writes for one command: each entity's parts merged, written once. */
export const previousWrites = (writes: Recorded[]): RecordedWrite[] => {
  const out: RecordedWrite[] = [];
  const groups = new Map<string, Recorded[]>();
  const withoutNew = (i: Item | undefined) => {
    if (!i || !NEW_ATTRIBUTES.some((k) => k in i)) return i;
    const copy = { ...i };
    for (const k of NEW_ATTRIBUTES) delete copy[k];
    return copy;
  };
  for (const w of writes) {
    if (!w.entity) {
      out.push({ ...w, before: withoutNew(w.before), after: withoutNew(w.after) });
      continue;
    }
    const g = groups.get(w.entity.pk) ?? [];
    g.push(w);
    groups.set(w.entity.pk, g);
  }
  for (const g of groups.values()) {
    const writing = g.filter((w) => w.op !== 'ConditionCheck' && !isSaleState(w.key));
    const transactional = g.some((w) => w.transactional);
    if (!writing.length) {
      out.push({ op: 'ConditionCheck', transactional: true, before: g[0].entity!.before, failed: g.every((w) => w.failed) });
      continue;
    }
    const before = writing[0].entity!.before;
    const after = writing[writing.length - 1].entity!.after;
    out.push({ op: !before ? 'Put' : !after ? 'Delete' : 'Update', transactional, before, after, ...(writing.every((w) => w.failed) ? { failed: true } : {}) });
  }
  return out;
};

export const priceBucket = (t: { current: TableDef; previous: TableDef }, writes: Recorded[]) => ({
  current: sumPrices(writes.map((w) => priceWrite(t.current, w))),
  previous: sumPrices(previousWrites(writes).map((w) => priceWrite(t.previous, w))),
});

export type { Recorded };

// ---- The section: per command and per lifecycle, a typical and a rich listing, and the broadcast check.

type Call = (handler: any, as: string | undefined, opts?: { params?: any; body?: any; query?: any; method?: string }) => Promise<{ status: number; body: any }>;
type Ctx = {
  call: Call;
  must: (p: Promise<{ status: number; body: any }>, status?: number) => Promise<any>;
  h: Record<string, any>;
  content: Record<string, unknown>;
  /** Adds an operator to the pool (idempotent). */
  addOperator: (email: string) => Promise<unknown>;
  config: any;
};

/** The issue's targets: the new layout against the previous design, write units (handlers' writes). */
const TARGETS = [
  { name: 'order lifecycle (typical)', listing: 'typical', of: 'order lifecycle', max: 0.6 },
  { name: 'message (typical)', listing: 'typical', of: 'POST messages', max: 0.4 },
  { name: 'product lifecycle (typical)', listing: 'typical', of: 'product lifecycle', max: 0.7 },
  { name: 'buy (rich listing)', listing: 'rich', of: 'POST /orders (buy)', max: 0.35 },
] as const;

const ORDER_LIFECYCLE = ['POST /orders (buy)', 'PUT requirements', 'POST start', 'POST complete', 'POST confirm'];
const PRODUCT_LIFECYCLE = ['POST /provider/products (create)', 'POST submit', 'POST approve'];

const listings = (content: Record<string, unknown>) => {
  const field = (i: number) => ({ key: `f${i}`, label: `字段 ${i} 的说明`, type: 'text', required: i === 0 });
  const plan = (i: number) => ({ planId: `p${i}`, name: `套餐 ${i}`, duration: 1, unit: 'times', listPrice: 100 * i, price: 90 * i });
  const description = (n: number) => '本服务提供专业的运维支持，包括部署、监控与故障处理。'.repeat(Math.ceil(n / 25)).slice(0, n);
  return {
    typical: { ...content, description: description(300), requirementsTemplate: [0, 1].map(field), plans: [plan(1)] },
    rich: { ...content, description: description(3000), requirementsTemplate: Array.from({ length: 10 }, (_, i) => field(i)), plans: [1, 2, 3].map(plan) },
  } as Record<string, Record<string, any>>;
};

export const costSection = async (c: Ctx) => {
  const { call, must, h } = c;
  const meter = await installWriteMeter();
  const t = tables();
  const { notifyInboxes } = await import('../../lib/notifications/fanout');
  const { eventOfTimelineEntry } = await import('../../lib/events/from-timeline');
  const { runOrderTimers } = await import('../../lib/orders/timers');
  const { operatorIds } = await import('../../lib/notifications/operators');
  const urge = (await import('../../functions/orders/urge')).handler;

  type Row = {
    listing: string;
    command: string;
    roundTrips: number;
    current: ReturnType<typeof sumPrices>;
    previous: ReturnType<typeof sumPrices>;
    inbox: { current: number; previous: number };
  };
  const rows: Row[] = [];
  /** One command: its writes priced, then the inbox consumer's writes for the timeline entries it made. */
  const step = async <T>(listing: string, command: string, op: () => Promise<T>): Promise<T> => {
    const b = meter.start();
    let result: T;
    try {
      result = await op();
    } finally {
      meter.stop();
    }
    const consumer = meter.start();
    try {
      for (const w of b.writes) if (!w.failed && !w.before && w.after?.type === 'timeline') await notifyInboxes(eventOfTimelineEntry(w.after));
    } finally {
      meter.stop();
    }
    if (process.env.BENCH_COST_DETAIL) {
      const { itemSize } = await import('./pricing');
      for (const w of b.writes) {
        const p = priceWrite(t.current, w);
        console.error(`${listing} | ${command} | ${w.op}${w.transactional ? ' (txn)' : ''}${w.failed ? ' FAILED' : ''} ${w.key.PK.slice(0, 24)} ${w.key.SK.slice(0, 24)} | ${itemSize(w.before)} -> ${itemSize(w.after)} B | table ${p.table} ${JSON.stringify(p.indexes)}`);
        if (process.env.BENCH_COST_DETAIL === 'items' && (w.key.SK === 'ORDER' || w.key.SK === 'PRODUCT') && listing === 'typical') console.error(JSON.stringify(w.after));
      }
    }
    if (process.env.BENCH_COST_DETAIL) {
      const { itemSize } = await import('./pricing');
      for (const w of consumer.writes) {
        const p = priceWrite(t.current, w);
        console.error(`${listing} | ${command} | inbox | ${w.op}${w.transactional ? ' (txn)' : ''} ${w.key.PK.slice(0, 30)} ${w.key.SK.slice(0, 24)} | ${itemSize(w.before)} -> ${itemSize(w.after)} B | table ${p.table} ${JSON.stringify(p.indexes)} | previous ${JSON.stringify(priceWrite(t.previous, previousWrites([w])[0]))}`);
        if (process.env.BENCH_COST_DETAIL === 'items' && listing === 'typical') console.error(JSON.stringify(w.after));
      }
    }
    const cmd = priceBucket(t, b.writes);
    const inbox = priceBucket(t, consumer.writes);
    rows.push({ listing, command, roundTrips: b.requests, current: cmd.current, previous: cmd.previous, inbox: { current: inbox.current.total, previous: inbox.previous.total } });
    return result;
  };

  for (const [listing, content] of Object.entries(listings(c.content))) {
    const product = await step(listing, PRODUCT_LIFECYCLE[0], () => must(call(h.create, 'provider', { body: content }), 201));
    const productId = product.productId as string;
    const submitted = await step(listing, PRODUCT_LIFECYCLE[1], () => must(call(h.submit, 'provider', { params: { productId }, method: 'POST' })));
    await step(listing, PRODUCT_LIFECYCLE[2], () => must(call(h.approve, 'operator', { params: { productId }, body: { version: submitted.version } })));
    const answers = Object.fromEntries((content.requirementsTemplate as Array<{ key: string }>).map((f) => [f.key, `回答 ${f.key}：服务器地址 10.0.0.1`]));
    const order = await step(listing, ORDER_LIFECYCLE[0], () => must(call(h.buy, 'buyer', { body: { productId, planId: 'p1' } }), 201));
    const orderId = order.orderId as string;
    await step(listing, ORDER_LIFECYCLE[1], () => must(call(h.requirements, 'buyer', { params: { orderId }, body: { answers }, method: 'PUT' })));
    await step(listing, 'POST messages', async () => {
      const r = await call(h.message, 'buyer', { params: { orderId }, body: { text: '你好，请问什么时候开始？' } });
      if (r.status >= 300) throw new Error(`message: ${r.status} ${JSON.stringify(r.body)}`);
    });
    await step(listing, ORDER_LIFECYCLE[2], () => must(call(h.start, 'provider', { params: { orderId }, method: 'POST' })));
    await step(listing, ORDER_LIFECYCLE[3], () => must(call(h.complete, 'provider', { params: { orderId }, body: { note: '已完成部署' } })));
    await step(listing, 'POST urge', () => must(call(urge, 'provider', { params: { orderId }, method: 'POST' })));
    await step(listing, ORDER_LIFECYCLE[4], () => must(call(h.confirm, 'buyer', { params: { orderId }, method: 'POST' })));
    // a timer reminder: an order awaiting start past the provider's reminder
    const waiting = (await must(call(h.buy, 'buyer', { body: { productId, planId: 'p1' } }), 201)).orderId as string;
    await must(call(h.requirements, 'buyer', { params: { orderId: waiting }, body: { answers }, method: 'PUT' }));
    await step(listing, 'timer reminder', async () => {
      const run = await runOrderTimers(new Date(Date.now() + c.config.orders.providerReminderMs + 60_000), c.config.orders);
      if (run.reminded < 1) throw new Error(`no reminder: ${JSON.stringify(run)}`);
      return run;
    });
  }

  // the broadcast: a product submission with 3 and with 300 operators in the pool
  const broadcast: Array<{ operators: number; command: number; inbox: number; total: number }> = [];
  let refreshed = 0;
  for (const operators of [3, 300]) {
    // the bench's own operator and op1…op(n-1)
    for (let i = 1; i < operators; i++) await c.addOperator(`op${i}@bench.example`);
    // the operators' list is cached per instance: read it again now
    const pool = (await operatorIds(Date.now() + 10 * 60_000 * ++refreshed)).length;
    const typical = listings(c.content).typical;
    const productId = (await must(call(h.create, 'provider', { body: typical }), 201)).productId as string;
    const label = `POST submit, ${operators} operators`;
    await step('broadcast', label, () => must(call(h.submit, 'provider', { params: { productId }, method: 'POST' })));
    const r = rows.find((x) => x.listing === 'broadcast' && x.command === label)!;
    broadcast.push({ operators: pool, command: r.current.total, inbox: r.inbox.current, total: r.current.total + r.inbox.current });
  }

  // lifecycles and targets
  const sum = (listing: string, commands: string[]) => {
    const of = rows.filter((r) => r.listing === listing && commands.includes(r.command));
    return {
      current: of.reduce((n, r) => n + r.current.total, 0),
      previous: of.reduce((n, r) => n + r.previous.total, 0),
      inboxCurrent: of.reduce((n, r) => n + r.inbox.current, 0),
      inboxPrevious: of.reduce((n, r) => n + r.inbox.previous, 0),
      roundTrips: of.reduce((n, r) => n + r.roundTrips, 0),
    };
  };
  const lifecycles = ['typical', 'rich'].flatMap((listing) => [
    { listing, name: 'product lifecycle', ...sum(listing, PRODUCT_LIFECYCLE) },
    { listing, name: 'order lifecycle', ...sum(listing, ORDER_LIFECYCLE) },
  ]);
  const units = (listing: string, of: string) => {
    const l = lifecycles.find((x) => x.listing === listing && x.name === of);
    if (l) return l;
    const r = rows.find((x) => x.listing === listing && x.command === of)!;
    return { current: r.current.total, previous: r.previous.total };
  };
  const targets = TARGETS.map((g) => {
    const u = units(g.listing, g.of);
    const ratio = u.current / u.previous;
    return { target: g.name, current: u.current, previous: u.previous, ratio, max: g.max, pass: ratio <= g.max };
  });
  const flat = broadcast.length === 2 && broadcast[0].total === broadcast[1].total;
  // the previous design wrote one notification per operator: a person's notification as priced in this run
  // (the buyer's of the start, one recipient) times the operators
  const perPerson = rows.find((r) => r.listing === 'typical' && r.command === ORDER_LIFECYCLE[2])?.inbox.current ?? 0;

  const f = (n: number, d = 2) => n.toFixed(d);
  const md: string[] = [
    '## Cost: write units by AWS’s rules',
    '',
    'Every write the handlers made, priced from the items before and after it (scripts/bench/pricing.ts): table writes ' +
      '1 unit per started KB of the larger image, ×2 in a transaction, a ConditionCheck like a transactional write of the ' +
      'item it checks; each index entry by its projected size, moved = delete + put, unchanged = free. **previous** = ' +
      'the same writes with an order’s or product’s head and body merged into one item and every index projecting ALL. ' +
      '**inbox** = the inbox consumer’s writes for the command’s timeline entry (notifications and unread counters).',
    '',
    '| listing | command | round trips | current: table + indexes = units | previous units | current / previous | inbox current / previous |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.listing} | ${r.command} | ${r.roundTrips} | ${r.current.table} + ${r.current.indexes} = ${r.current.total} | ${r.previous.total} | ${f(r.current.total / r.previous.total)} | ${r.inbox.current} / ${r.inbox.previous} |`,
    ),
    '',
    '| listing | lifecycle | round trips | current units | previous units | ratio | inbox current / previous |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...lifecycles.map((l) => `| ${l.listing} | ${l.name} | ${l.roundTrips} | ${l.current} | ${l.previous} | ${f(l.current / l.previous)} | ${l.inboxCurrent} / ${l.inboxPrevious} |`),
    '',
    '| target | current | previous | ratio | at most | |',
    '|---|---:|---:|---:|---:|---|',
    ...targets.map((g) => `| ${g.target} | ${g.current} | ${g.previous} | ${f(g.ratio)} | ${g.max} | ${g.pass ? 'pass' : 'FAIL'} |`),
    '',
    `Broadcast: a product submission (command + inbox consumer) with ${broadcast.map((b) => `${b.operators} operators ${b.total} units (${b.command} + ${b.inbox})`).join(', ')}: ${flat ? 'equal' : 'NOT EQUAL'}. ` +
      `One notification per operator (the previous design) would be ${broadcast.map((b) => `${b.command + b.operators * perPerson}`).join(' and ')} (${perPerson} units a person).`,
    '',
  ];
  return { results: { rows, lifecycles, targets, broadcast, broadcastFlat: flat, notificationPerPerson: perPerson }, md };
};
