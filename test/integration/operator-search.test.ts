import { ensureOrganisation } from '../../scripts/lib/organisations';
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketOps';
});

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ORDER_STATUSES } from '../../lib/orders/schemas';
import { unwrapRows } from '../../lib/db/row';
import { handler as operatorOrders } from '../../functions/operator/orders';
import { handler as operatorProducts } from '../../functions/operator/products';
import { handler as takedown } from '../../functions/operator/takedown';
import { handler as reviewQueue } from '../../functions/operator/review-queue';
import { handler as appeal } from '../../functions/orders/appeal';
import { handler as buy } from '../../functions/orders/create';
import { handler as createProduct } from '../../functions/products/create';
import { handler as submit } from '../../functions/products/submit';
import { handler as edit } from '../../functions/products/edit';
import { handler as approve } from '../../functions/operator/approve';
import { handler as page } from '../../functions/products/page';
import { handler as inbox } from '../../functions/notifications/list';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { countRoundTrips, readItem, readPartition } from '../support/db';
import { productContent } from '../support/fixtures';
import { invoke, user } from '../support/http';
import { listedProduct, orderIn } from '../support/orders';
import { must, productIn } from '../support/products';
import { batchFor, runStream } from '../support/stream';
import { mintToken } from '../support/tokens';

const search = async (query: Record<string, string>) => must(await invoke(operatorOrders, { as: 'operator', query }), 200);

/** Walks a list to its end with a small page size; returns every item in the order served. */
const walk = async (handler: typeof operatorOrders, query: Record<string, string>, limit = 7) => {
  const items: any[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const res = must(await invoke(handler, { as: 'operator', query: { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) } }), 200);
    expect(res.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.items);
    cursor = res.nextCursor ?? undefined;
    expect(++pages).toBeLessThan(500);
  } while (cursor);
  return items;
};

/** Every order item in the table, straight from the base table's partitions of the orders index. */
const everyOrder = async () => {
  const all: any[] = [];
  for (const pk of keys.allOrdersShards()) {
    const out = await ddb.send(
      new QueryCommand({ TableName: tableName, IndexName: 'GSI7', KeyConditionExpression: 'GSI7PK = :pk', ExpressionAttributeValues: { ':pk': pk } }),
    );
    all.push(...unwrapRows(out.Items));
  }
  return all;
};
const newestFirst = (a: any, b: any) => (`${b.createdAt}#${b.orderId}` > `${a.createdAt}#${a.orderId}` ? 1 : -1);

describe('operator order search', () => {
  it('lists the appeal queue oldest appeal first, whatever the purchase order', async () => {
    const [x, y, z] = [await orderIn('appealable'), await orderIn('appealable'), await orderIn('appealable')];
    for (const o of [z, x, y]) must(await invoke(appeal, { as: 'buyer', params: { orderId: o.orderId }, body: { reason: 'stalled' } }), 200);
    const queue = await walk(operatorOrders, { status: 'disputed' }, 2);
    const mine = queue.map((o) => o.orderId).filter((id) => [x, y, z].some((o) => o.orderId === id));
    expect(mine).toEqual([z.orderId, x.orderId, y.orderId]);
    expect(queue.every((o) => o.status === 'disputed')).toBe(true);
    const appealedAt = queue.map((o) => o.appeal.at);
    expect([...appealedAt].sort()).toEqual(appealedAt);
  });

  it('finds one order by its exact id, and nothing when another filter contradicts it', async () => {
    const order = await orderIn('implementing', { buyer: 'buyer2', provider: 'provider2' });
    const { result, roundTrips } = await countRoundTrips(() => search({ orderId: order.orderId }));
    expect(result.items.map((o: any) => o.orderId)).toEqual([order.orderId]);
    expect(result.nextCursor).toBeNull();
    expect(roundTrips).toBe(1);
    expect((await search({ orderId: order.orderId, status: 'completed' })).items).toEqual([]);
    expect((await search({ orderId: order.orderId, providerId: user('provider').id })).items).toEqual([]);
    expect((await search({ orderId: order.orderId, buyerId: user('buyer2').id })).items).toHaveLength(1);
  });

  it('filters by provider, by buyer, by status and by purchase-time range, each a key condition', async () => {
    const start = new Date().toISOString();
    const a = await orderIn('awaiting_start', { buyer: 'buyer', provider: 'provider2' });
    const b = await orderIn('completed', { buyer: 'buyer2', provider: 'provider2' });
    const c = await orderIn('awaiting_start', { buyer: 'buyer2', provider: 'provider' });
    const ids = (r: any) => r.items.map((o: any) => o.orderId);

    const byProvider = await walk(operatorOrders, { providerId: user('provider2').id, createdFrom: start }, 5);
    expect(byProvider.map((o) => o.orderId)).toEqual([b.orderId, a.orderId]);
    const byBuyer = await walk(operatorOrders, { buyerId: user('buyer2').id, createdFrom: start }, 5);
    expect(byBuyer.map((o) => o.orderId)).toEqual([c.orderId, b.orderId]);
    expect(ids(await search({ buyerId: user('buyer2').id, providerId: user('provider2').id, createdFrom: start }))).toEqual([b.orderId]);
    const waiting = await walk(operatorOrders, { status: 'awaiting_start', createdFrom: start }, 1);
    expect(waiting.map((o) => o.orderId)).toEqual([c.orderId, a.orderId]);
    expect(ids(await search({ status: 'completed', providerId: user('provider2').id, createdFrom: start }))).toEqual([b.orderId]);
    // a range that ends before the first of them finds none of them
    const before = await walk(operatorOrders, { createdTo: new Date(Date.parse(start) - 1).toISOString(), createdFrom: '2000-01-01T00:00:00Z' }, 50);
    expect(before.map((o) => o.orderId)).not.toContain(a.orderId);
  });

  it('pages every order newest first across the 16 shards, skipping and repeating nothing', async () => {
    const product = await listedProduct('provider');
    for (let i = 0; i < 40; i++) {
      must(await invoke(buy, { as: i % 2 ? 'buyer' : 'buyer2', body: { productId: product.productId, planId: 'basic' } }), 201);
    }
    const expected = (await everyOrder()).sort(newestFirst).map((o) => o.orderId);
    expect(new Set((await everyOrder()).map((o) => o.GSI7PK)).size).toBeGreaterThan(8);
    const served = (await walk(operatorOrders, {}, 7)).map((o) => o.orderId);
    // orders bought by other tests of this file meanwhile are not in `expected`; nothing else differs
    expect(served.filter((id) => expected.includes(id))).toEqual(expected);
    expect(new Set(served).size).toBe(served.length);

    const waiting = (await walk(operatorOrders, { status: 'awaiting_start' }, 6)).map((o) => o.orderId);
    const expectedWaiting = (await everyOrder()).filter((o) => o.status === 'awaiting_start').sort(newestFirst).map((o) => o.orderId);
    expect(waiting.filter((id) => expectedWaiting.includes(id))).toEqual(expectedWaiting.filter((id) => waiting.includes(id)));
    expect(expectedWaiting.every((id) => waiting.includes(id))).toBe(true);
  });

  it('costs one parallel round of one Query per shard for a page of every order', async () => {
    const { roundTrips } = await countRoundTrips(() => search({ limit: '20' }));
    expect(roundTrips).toBe(16);
    // an organisation's orders: one Query per status partition, in one parallel round
    const byProvider = await countRoundTrips(() => search({ providerId: user('provider').id }));
    expect(byProvider.roundTrips).toBe(ORDER_STATUSES.length);
    const inOneStatus = await countRoundTrips(() => search({ providerId: user('provider').id, status: 'completed' }));
    expect(inOneStatus.roundTrips).toBe(1);
  });

  it('answers 400 to a cursor of another list or one it never issued', async () => {
    const first = await search({ limit: '1' });
    expect(first.nextCursor).toEqual(expect.any(String));
    for (const query of <Record<string, string>[]>[
      { status: 'disputed', cursor: first.nextCursor },
      { providerId: user('provider').id, cursor: first.nextCursor },
      { cursor: 'not-a-cursor' },
      { cursor: Buffer.from(JSON.stringify({ l: 'orders:all', a: 5 })).toString('base64url') },
    ]) {
      const res = await invoke(operatorOrders, { as: 'operator', query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.code).toBe('INVALID_CURSOR');
    }
  });

  it('refuses instants outside 1970–9999 UTC with 400 naming the field, on every path, as /provider/orders does', async () => {
    const { handler: listProvider } = await import('../../functions/orders/list-provider');
    await orderIn('awaiting_start', { buyer: 'buyer2', provider: 'provider2' });
    const principals: Record<string, string>[] = [{}, { providerId: user('provider2').id }, { buyerId: user('buyer2').id }, { status: 'awaiting_start' }, { status: 'disputed' }];
    const outside = [
      ['createdTo', '9999-12-31T23:30:00-05:00'],
      ['createdFrom', '9999-12-31T23:30:00-05:00'],
      ['createdFrom', '1969-12-31T23:59:59Z'],
      ['createdTo', '1970-01-01T07:59:59+08:00'],
      ['createdFrom', '0000-01-01T00:00:00Z'],
    ] as const;
    for (const principal of principals) {
      for (const [field, value] of outside) {
        const query = { ...principal, [field]: value };
        const res = await invoke(operatorOrders, { as: 'operator', query });
        expect(res.status, JSON.stringify(query)).toBe(400);
        expect(res.body.errors.map((e: any) => e.path)).toEqual([field]);
        // the same field, the same words as the provider's own list
        const provider = await invoke(listProvider, { as: 'provider2', query: { [field]: value } });
        expect(provider.status).toBe(400);
        expect(res.body.errors).toEqual(provider.body.errors);
      }
    }
    // the edges themselves are instants keys hold; compared as instants whatever their offsets
    for (const principal of principals) {
      const query = { ...principal, createdFrom: '1970-01-01T08:00:00+08:00', createdTo: '9999-12-31T18:59:59-05:00' };
      expect((await invoke(operatorOrders, { as: 'operator', query })).status, JSON.stringify(query)).toBe(200);
    }
    const all = await search({ limit: '100', createdFrom: '1970-01-01T08:00:00+08:00', createdTo: '9999-12-31T18:59:59-05:00' });
    expect(all.items.length).toBeGreaterThan(0);
    expect(await search({ limit: '100', createdFrom: '9999-12-31T18:59:59-05:00' })).toMatchObject({ items: [], nextCursor: null });
  });
});

describe('operator product search', () => {
  it('finds products by each status through the status index, and by provider and service type', async () => {
    const made = {
      draft: await productIn('draft', 'provider2'),
      in_review: await productIn('in_review', 'provider2'),
      rejected: await productIn('rejected', 'provider2'),
      listed: await productIn('listed', 'provider2', { serviceType: 'saas' }),
      delisted: await productIn('delisted', 'provider2'),
    };
    // a delisted product whose changes wait for review is in review
    const back = await productIn('delisted', 'provider2');
    must(await invoke(submit, { as: 'provider2', params: { productId: back.productId } }), 200);
    // a listed product with a pending revision stays listed
    const revised = await productIn('listed', 'provider2');
    must(await invoke(edit, { as: 'provider2', params: { productId: revised.productId }, body: { summary: 'new' } }), 200);

    for (const [status, product] of Object.entries(made)) {
      const found = await walk(operatorProducts as never, { status }, 3);
      expect(found.every((p) => p.status === status), status).toBe(true);
      expect(found.map((p) => p.productId), status).toContain(product.productId);
      const ids = found.map((p) => p.productId);
      expect(ids, `${status} newest first`).toEqual([...ids].sort().reverse());
    }
    expect((await walk(operatorProducts as never, { status: 'in_review' })).map((p) => p.productId)).toContain(back.productId);
    expect((await walk(operatorProducts as never, { status: 'listed' })).map((p) => p.productId)).toContain(revised.productId);

    const mine = await walk(operatorProducts as never, { providerId: user('provider2').id, status: 'listed' });
    expect(mine.every((p) => p.providerId === user('provider2').id && p.status === 'listed')).toBe(true);
    expect(mine.map((p) => p.productId)).toEqual(expect.arrayContaining([made.listed.productId, revised.productId]));
    const saas = await walk(operatorProducts as never, { serviceType: 'saas' });
    expect(saas.map((p) => p.productId)).toContain(made.listed.productId);
    expect(saas.every((p) => (p.draft ?? p.live).serviceType === 'saas' || p.live?.serviceType === 'saas')).toBe(true);
    const all = await walk(operatorProducts as never, {}, 4);
    const ids = all.map((p) => p.productId);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('platform takedown (违规下架)', () => {
  it('hides a listed product, keeps the reason in its history, and tells the provider through the stream', async () => {
    const product = await productIn('listed', 'provider2');
    const params = { productId: product.productId };
    const res = must(await invoke(takedown, { as: 'operator', params, body: { reason: '含违规内容' } }), 200);
    expect(res).toMatchObject({ status: 'delisted', reviewState: 'rejected', rejectionReason: '含违规内容' });
    expect(res.reviewHistory.at(-1)).toMatchObject({ decision: 'delisted', reason: '含违规内容', operatorId: user('operator').id });
    expect((await invoke(page, { params })).status).toBe(404);
    const item = await readItem(keys.product(product.productId));
    expect(item).not.toHaveProperty('GSI2PK');
    expect(item).toMatchObject({ GSI8PK: keys.productsByListing('delisted') });

    const entries = (await readPartition(keys.product(product.productId).PK)).filter((i) => i.type === 'timeline');
    expect(entries.at(-1)).toMatchObject({ action: 'takedown', role: 'operator', data: { reason: '含违规内容' } });
    expect((await runStream(await batchFor(keys.product(product.productId).PK))).batchItemFailures).toEqual([]);
    const notes = must(await invoke(inbox, { as: 'provider2', query: { limit: '100' } }), 200).items;
    expect(notes.find((n: any) => n.productId === product.productId && n.type === 'taken-down')).toMatchObject({
      title: '商品已被平台下架',
      body: expect.stringContaining('含违规内容'),
    });

    const again = await invoke(takedown, { as: 'operator', params, body: { reason: 'again' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'delisted' });
  });

  it('takes down a product whose revision waits for review, and takes the revision out of the queue', async () => {
    const product = await productIn('listed', 'provider2');
    const params = { productId: product.productId };
    must(await invoke(edit, { as: 'provider2', params, body: { summary: 'changed' } }), 200);
    const submitted = must(await invoke(submit, { as: 'provider2', params }), 200);
    must(await invoke(takedown, { as: 'operator', params, body: { reason: 'fraud' } }), 200);
    const queue = must(await invoke(reviewQueue, { as: 'operator', query: { limit: '100' } }), 200).items;
    expect(queue.map((p: any) => p.productId)).not.toContain(product.productId);
    expect((await invoke(approve, { as: 'operator', params, body: { version: submitted.version } })).status).toBe(409);
  });

  it('answers 403 CONFLICT_OF_INTEREST to an operator taking down their own product, and changes nothing', async () => {
    const sub = '7a1e3d0c-0000-4000-8000-000000000001';
    // an operator who is also the administrator of an organisation (its providerId their id, as migrated)
    await ensureOrganisation(ddb, tableName, { providerId: sub, name: 'operator and provider', admin: { userId: sub, email: 'both@test.example' } });
    const both = { token: mintToken({ sub, 'cognito:groups': ['operators'] }) };
    const created = must(await invoke(createProduct, { as: both, body: productContent() }), 201);
    const params = { productId: created.productId };
    const submitted = must(await invoke(submit, { as: both, params }), 200);
    must(await invoke(approve, { as: 'operator', params, body: { version: submitted.version } }), 200);
    const before = await readItem(keys.product(created.productId));
    const res = await invoke(takedown, { as: both, params, body: { reason: 'mine' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
    expect(await readItem(keys.product(created.productId))).toEqual(before);
  });

  it('needs a reason, and answers 404 for an absent product', async () => {
    const product = await productIn('listed', 'provider2');
    const noReason = await invoke(takedown, { as: 'operator', params: { productId: product.productId }, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    const absent = await invoke(takedown, { as: 'operator', params: { productId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, body: { reason: 'x' } });
    expect(absent.status).toBe(404);
  });
});
