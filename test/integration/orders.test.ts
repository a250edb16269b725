import { describe, expect, it } from 'vitest';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../lib/db/client';
import { handler as buy } from '../../functions/orders/create';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as listBuyer } from '../../functions/orders/list-buyer';
import { handler as listProvider } from '../../functions/orders/list-provider';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as rejectRequirements } from '../../functions/orders/reject-requirements';
import { handler as start } from '../../functions/orders/start';
import { handler as complete } from '../../functions/orders/complete';
import { handler as urge } from '../../functions/orders/urge';
import { handler as confirm } from '../../functions/orders/confirm';
import { handler as rejectCompletion } from '../../functions/orders/reject-completion';
import { handler as cancel } from '../../functions/orders/cancel';
import { handler as appeal } from '../../functions/orders/appeal';
import { handler as resolve } from '../../functions/orders/resolve';
import { handler as editProduct } from '../../functions/products/edit';
import { handler as submitProduct } from '../../functions/products/submit';
import { handler as approveProduct } from '../../functions/operator/approve';
import { handler as delistProduct } from '../../functions/products/delist';
import { keys } from '../../lib/db/keys';
import { newId } from '../../lib/shared/ids';
import { countRoundTrips, keyOf, readItem, readPartition, recordTransactions, MEMBERSHIP_READ } from '../support/db';
import { invoke } from '../support/http';
import { ANSWERS, ageOrder, listedProduct, orderIn } from '../support/orders';
import { must, productIn } from '../support/products';

const DAY = 24 * 3600 * 1000;
const o = (orderId: string) => ({ orderId });

describe('buying (POST /orders)', () => {
  it('creates a paid order that snapshots the product, plan and price', async () => {
    const product = await listedProduct();
    const { result, roundTrips } = await countRoundTrips(() =>
      invoke(buy, { as: 'buyer', body: { productId: product.productId, planId: 'monthly', quantity: 3 } }),
    );
    expect(result.status).toBe(201);
    expect(roundTrips).toBe(2);
    expect(result.body).toMatchObject({
      status: 'awaiting_start',
      labels: { provider: '待实施', buyer: '待提交需求单' },
      product: { name: '服务器运维托管', unitPrice: 450_000, plan: { planId: 'monthly', unit: 'month' } },
      quantity: 3,
      amount: 1_350_000,
      requirements: { status: 'none', answers: {} },
      version: 1,
      timeline: [expect.objectContaining({ action: 'create', from: null, to: 'awaiting_start', role: 'buyer' })],
    });
    const stored = await readItem(keys.order(result.body.orderId));
    expect(stored).toMatchObject({ amount: 1_350_000, status: 'awaiting_start' });
  });

  it('reads the product’s head, body and sale state in its one BatchGet and checks only the sale state in its transaction', async () => {
    const product = await listedProduct();
    const { result, transactions } = await recordTransactions(() =>
      invoke(buy, { as: 'buyer', body: { productId: product.productId, planId: 'monthly', quantity: 1 } }),
    );
    expect(result.status).toBe(201);
    expect(transactions).toHaveLength(1);
    const onProduct = transactions[0].filter((t) => keyOf(t).PK === keys.product(product.productId).PK);
    // one ConditionCheck, on the sale state (listed, not suspended, the live content read): never the head or the body
    expect(onProduct).toHaveLength(1);
    expect(onProduct[0].ConditionCheck?.Key).toEqual(keys.productSale(product.productId));
    const head = await readItem(keys.product(product.productId));
    expect(onProduct[0].ConditionCheck.ExpressionAttributeValues).toMatchObject({ ':listed': 'listed', ':revision': head!.liveRevision });
    // the sale state is the head's, written with it: what the check costs does not grow with the listing
    const sale = await readItem(keys.productSale(product.productId));
    expect(sale).toMatchObject({ type: 'product-sale', listing: 'listed', liveRevision: head!.liveRevision });
    expect(sale).not.toHaveProperty('suspended');
    expect(JSON.stringify(sale).length).toBeLessThan(300);
    expect(head).not.toHaveProperty('live');
    expect(head).not.toHaveProperty('draft');
    expect(await readItem(keys.productBody(product.productId))).toMatchObject({ live: expect.objectContaining({ name: '服务器运维托管' }) });
  });

  it('a product listed before sale states existed is checked on its head; delisting writes its sale state, and the purchase is refused', async () => {
    const product = await productIn('listed', 'provider2');
    await ddb.send(new DeleteCommand({ TableName: tableName, Key: keys.productSale(product.productId) }));
    const { result, transactions } = await recordTransactions(() => invoke(buy, { as: 'buyer', body: { productId: product.productId, planId: 'basic' } }));
    expect(result.status).toBe(201);
    const check = transactions[0].find((t) => t.ConditionCheck && keyOf(t).PK === keys.product(product.productId).PK);
    expect(check?.ConditionCheck.Key).toEqual(keys.product(product.productId));
    must(await invoke(delistProduct, { as: 'provider2', params: { productId: product.productId } }), 200);
    expect(await readItem(keys.productSale(product.productId))).toMatchObject({ listing: 'delisted' });
    const refused = await invoke(buy, { as: 'buyer', body: { productId: product.productId, planId: 'basic' } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PRODUCT_NOT_LISTED');
  });

  it('a purchase whose product was re-approved between its read and its write answers 409 PRODUCT_CHANGED and writes nothing', async () => {
    const product = await productIn('listed', 'provider2');
    const saleKey = keys.productSale(product.productId);
    let raced = false;
    // right after the purchase's read, the provider's edit is approved: a new live revision
    const race = (next: any, context: any) => async (args: any) => {
      const out = await next(args);
      const keysRead = Object.values(args.input?.RequestItems ?? {}).flatMap((r: any) => r.Keys ?? []);
      const plain = (v: any) => (typeof v === 'object' && v !== null && 'S' in v ? v.S : v);
      if (!raced && /^BatchGet/.test(context.commandName ?? '') && keysRead.some((k: any) => plain(k.PK) === saleKey.PK && plain(k.SK) === saleKey.SK)) {
        raced = true;
        must(await invoke(editProduct, { as: 'provider2', params: { productId: product.productId }, body: { name: '抢先改版' } }), 200);
        const submitted = must(await invoke(submitProduct, { as: 'provider2', params: { productId: product.productId } }), 200);
        must(await invoke(approveProduct, { as: 'operator', params: { productId: product.productId }, body: { version: submitted.version } }), 200);
      }
      return out;
    };
    ddb.middlewareStack.add(race, { step: 'initialize', name: 'raceApproval' });
    try {
      const res = await invoke(buy, { as: 'buyer2', body: { productId: product.productId, planId: 'basic' } });
      expect(raced).toBe(true);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('PRODUCT_CHANGED');
    } finally {
      ddb.middlewareStack.remove('raceApproval');
    }
    const orders = must(await invoke(listBuyer, { as: 'buyer2', query: { productId: product.productId } }), 200);
    expect(orders.items).toEqual([]);
    // bought again, it is the new content
    const again = must(await invoke(buy, { as: 'buyer2', body: { productId: product.productId, planId: 'basic' } }), 201);
    expect(again.product.name).toBe('抢先改版');
  });

  it('approval moves the head’s live revision (what a purchase checks) and copies the draft’s card to the live one', async () => {
    const product = await productIn('listed', 'provider2');
    // the head as a purchase read it, then a new revision approved
    const read = await readItem(keys.product(product.productId));
    must(await invoke(editProduct, { as: 'provider2', params: { productId: product.productId }, body: { name: '改版' } }), 200);
    const submitted = must(await invoke(submitProduct, { as: 'provider2', params: { productId: product.productId } }), 200);
    must(await invoke(approveProduct, { as: 'operator', params: { productId: product.productId }, body: { version: submitted.version } }), 200);
    const now = await readItem(keys.product(product.productId));
    expect(now!.liveRevision).toBeDefined();
    expect(now!.liveRevision).not.toBe(read!.liveRevision);
    expect(now).toMatchObject({ liveCard: expect.objectContaining({ name: '改版' }), draftCard: expect.objectContaining({ name: '改版' }) });
  });

  it('keeps existing orders unchanged when the product is edited and re-approved', async () => {
    const product = await productIn('listed', 'provider2');
    const order = must(await invoke(buy, { as: 'buyer', body: { productId: product.productId, planId: 'basic' } }), 201);
    expect(order.quantity).toBe(1);
    const plans = [{ planId: 'basic', name: '涨价版', duration: 1, unit: 'times', listPrice: 200_000, price: 190_000 }];
    must(await invoke(editProduct, { as: 'provider2', params: { productId: product.productId }, body: { plans, name: '新名' } }), 200);
    const submitted = must(await invoke(submitProduct, { as: 'provider2', params: { productId: product.productId } }), 200);
    must(await invoke(approveProduct, { as: 'operator', params: { productId: product.productId }, body: { version: submitted.version } }), 200);
    const after = must(await invoke(getOrder, { as: 'buyer', params: o(order.orderId) }), 200);
    expect(after.product).toMatchObject({ name: '服务器运维托管', unitPrice: 80_000 });
    expect(after.amount).toBe(80_000);
  });

  it('answers 409 PRODUCT_NOT_LISTED for a product that is not listed', async () => {
    for (const status of ['draft', 'in_review', 'delisted'] as const) {
      const product = await productIn(status);
      const res = await invoke(buy, { as: 'buyer', body: { productId: product.productId, planId: 'basic' } });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('PRODUCT_NOT_LISTED');
    }
  });

  it('answers 404 for an unknown product or plan, with a clear code', async () => {
    const unknown = await invoke(buy, { as: 'buyer', body: { productId: newId(), planId: 'basic' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PRODUCT_NOT_FOUND');
    const product = await listedProduct();
    const plan = await invoke(buy, { as: 'buyer', body: { productId: product.productId, planId: 'gold' } });
    expect(plan.status).toBe(404);
    expect(plan.body).toMatchObject({ code: 'PLAN_NOT_FOUND', errors: [{ path: 'planId' }] });
  });

  it('answers 400 naming the fields for a bad quantity or missing ids', async () => {
    const res = await invoke(buy, { as: 'buyer', body: { quantity: 101 } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.path).sort()).toEqual(['planId', 'productId', 'quantity']);
  });

  it('replays the same order and status for the same Idempotency-Key and body, and refuses another body', async () => {
    const product = await listedProduct();
    const headers = { 'idempotency-key': `order-${newId()}` };
    const body = { productId: product.productId, planId: 'basic', quantity: 1 };
    const first = await invoke(buy, { as: 'buyer', body, headers });
    const { result: again, roundTrips } = await countRoundTrips(() => invoke(buy, { as: 'buyer', body, headers }));
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(roundTrips).toBe(1);
    const other = await invoke(buy, { as: 'buyer', body: { ...body, quantity: 2 }, headers });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // the key belongs to its user: another buyer with the same key gets an order of its own
    const stranger = await invoke(buy, { as: 'buyer2', body, headers });
    expect(stranger.status).toBe(201);
    expect(stranger.body.orderId).not.toBe(first.body.orderId);
  });

  it('creates one order for ten simultaneous requests with one Idempotency-Key', async () => {
    const product = await listedProduct();
    const headers = { 'idempotency-key': `burst-${newId()}` };
    const body = { productId: product.productId, planId: 'basic', quantity: 1 };
    const before = await invoke(listBuyer, { as: 'buyer2', query: { limit: '100', productId: product.productId } });
    const answers = await Promise.all(Array.from({ length: 10 }, () => invoke(buy, { as: 'buyer2', body, headers })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.orderId)).size).toBe(1);
    const after = await invoke(listBuyer, { as: 'buyer2', query: { limit: '100', productId: product.productId } });
    expect(after.body.items.length).toBe(before.body.items.length + 1);
  });
});

describe('the supervised workflow', () => {
  it('runs 提交需求单 → 开始实施 → 实施完成 → 确认完成 with a timeline of every step', async () => {
    const order = await orderIn('awaiting_start');
    const params = o(order.orderId);
    const submitted = must(await invoke(requirements, { as: 'buyer', params, body: { answers: ANSWERS } }), 200);
    expect(submitted).toMatchObject({ requirements: { status: 'submitted', answers: ANSWERS }, labels: { buyer: '待服务商实施' } });
    const started = must(await invoke(start, { as: 'provider', params }), 200);
    expect(started).toMatchObject({ status: 'implementing', requirements: { status: 'accepted' } });
    const done = must(await invoke(complete, { as: 'provider', params, body: { note: 'nginx upgraded; new key in vault' } }), 200);
    expect(done).toMatchObject({ status: 'awaiting_confirmation', labels: { provider: '待用户确认', buyer: '待确认完成' } });
    const confirmed = must(await invoke(confirm, { as: 'buyer', params }), 200);
    expect(confirmed).toMatchObject({ status: 'completed', labels: { provider: '已完成', buyer: '分配完成' }, version: 5 });
    expect(confirmed.completedAt).toEqual(expect.any(String));
    expect(confirmed.timeline.map((e: any) => [e.action, e.from, e.to])).toEqual([
      ['create', null, 'awaiting_start'],
      ['submit-requirements', 'awaiting_start', 'awaiting_start'],
      ['start', 'awaiting_start', 'implementing'],
      ['complete', 'implementing', 'awaiting_confirmation'],
      ['confirm', 'awaiting_confirmation', 'completed'],
    ]);
    expect(confirmed.timeline[3].data).toEqual({ note: 'nginx upgraded; new key in vault' });
    // each entry carries both parties' names before and after it, the buyer's following the form
    expect(confirmed.timeline.slice(0, 3).map((e: any) => [e.labels.from?.buyer ?? null, e.labels.to.buyer])).toEqual([
      [null, '待提交需求单'],
      ['待提交需求单', '待服务商实施'],
      ['待服务商实施', '实施中'],
    ]);
  });

  it('answers in English with Accept-Language: en', async () => {
    const order = await orderIn('awaiting_confirmation');
    const res = await invoke(getOrder, { as: 'buyer', params: o(order.orderId), headers: { 'accept-language': 'en' } });
    expect(res.body.labels).toEqual({ provider: 'Awaiting buyer confirmation', buyer: 'Awaiting your confirmation' });
  });

  it('lets the buyer edit requirements until work starts, then refuses with 409', async () => {
    const order = await orderIn('awaiting_start');
    const params = o(order.orderId);
    must(await invoke(requirements, { as: 'buyer', params, body: { answers: { host: 'a' } } }), 200);
    const edited = must(await invoke(requirements, { as: 'buyer', params, body: { answers: { host: 'b', cores: 2 } } }), 200);
    expect(edited.requirements.answers).toEqual({ host: 'b', cores: 2 });
    must(await invoke(start, { as: 'provider', params }), 200);
    const late = await invoke(requirements, { as: 'buyer', params, body: { answers: { host: 'c' } } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'implementing' });
  });

  it('answers 400 naming each field that does not fit the requirements form, and writes nothing', async () => {
    const order = await orderIn('awaiting_start');
    const res = await invoke(requirements, { as: 'buyer', params: o(order.orderId), body: { answers: { cores: 'many', port: 22 } } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.path).sort()).toEqual(['answers.cores', 'answers.host', 'answers.port']);
    expect((await readItem(keys.order(order.orderId)))?.version).toBe(1);
  });

  it('refuses to start while the product demands requirements that are missing', async () => {
    const order = await orderIn('awaiting_start');
    const res = await invoke(start, { as: 'provider', params: o(order.orderId) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REQUIREMENTS_MISSING');
  });

  it('starts without requirements when the product does not demand them', async () => {
    const order = await orderIn('awaiting_start', { content: { requirementsBeforeStart: false } });
    expect(order.labels.buyer).toBe('待提交需求单');
    const res = await invoke(start, { as: 'provider', params: o(order.orderId) });
    expect(res.status).toBe(200);
  });

  it('lets the provider reject requirements with a reason (驳回需求); the buyer submits again', async () => {
    const order = await orderIn('awaiting_start');
    const params = o(order.orderId);
    const early = await invoke(rejectRequirements, { as: 'provider', params, body: { reason: 'host unreachable' } });
    expect(early.status).toBe(409);
    must(await invoke(requirements, { as: 'buyer', params, body: { answers: ANSWERS } }), 200);
    const rejected = must(await invoke(rejectRequirements, { as: 'provider', params, body: { reason: 'host unreachable' } }), 200);
    expect(rejected).toMatchObject({ requirements: { status: 'rejected', reason: 'host unreachable' }, labels: { buyer: '待提交需求单' } });
    expect((await invoke(start, { as: 'provider', params })).body.code).toBe('REQUIREMENTS_MISSING');
    must(await invoke(requirements, { as: 'buyer', params, body: { answers: { host: '10.0.0.9' } } }), 200);
    must(await invoke(start, { as: 'provider', params }), 200);
  });

  it('reworks after a rejected completion (驳回验收) and then completes', async () => {
    const order = await orderIn('awaiting_confirmation');
    const params = o(order.orderId);
    const back = must(await invoke(rejectCompletion, { as: 'buyer', params, body: { reason: 'site still down' } }), 200);
    expect(back).toMatchObject({ status: 'implementing', completionRejections: 1 });
    must(await invoke(complete, { as: 'provider', params, body: { note: 'fixed DNS' } }), 200);
    const done = must(await invoke(confirm, { as: 'buyer', params }), 200);
    expect(done.timeline.map((e: any) => e.action).slice(-4)).toEqual(['complete', 'reject-completion', 'complete', 'confirm']);
  });

  it('answers 400 when completing without a note or rejecting without a reason', async () => {
    const order = await orderIn('implementing');
    expect((await invoke(complete, { as: 'provider', params: o(order.orderId), body: {} })).body.errors[0].path).toBe('note');
    const waiting = await orderIn('awaiting_confirmation');
    expect((await invoke(rejectCompletion, { as: 'buyer', params: o(waiting.orderId), body: { reason: ' ' } })).status).toBe(400);
  });

  it('urges at most once per 24 hours (429 with Retry-After), and records each urge', async () => {
    const order = await orderIn('awaiting_confirmation');
    const params = o(order.orderId);
    const first = must(await invoke(urge, { as: 'provider', params }), 200);
    expect(first.timeline.at(-1)).toMatchObject({ action: 'urge', from: 'awaiting_confirmation', to: 'awaiting_confirmation' });
    const again = await invoke(urge, { as: 'provider', params });
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('THROTTLED');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    await ageOrder(order.orderId, DAY + 1000, ['lastUrgedAt']);
    expect((await invoke(urge, { as: 'provider', params })).status).toBe(200);
  });

  it('refuses to urge outside awaiting_confirmation', async () => {
    const order = await orderIn('implementing');
    const res = await invoke(urge, { as: 'provider', params: o(order.orderId) });
    expect(res.status).toBe(409);
    expect(res.body.currentStatus).toBe('implementing');
  });

  it('cancels before work starts with a full refund recorded, and not after', async () => {
    const cancelled = await orderIn('cancelled');
    expect(cancelled).toMatchObject({ status: 'cancelled', labels: { buyer: '已取消（已退款）' }, refund: { amount: cancelled.amount } });
    expect(cancelled.timeline.at(-1).data).toEqual({ reason: 'changed my mind' });
    const started = await orderIn('implementing');
    const res = await invoke(cancel, { as: 'buyer', params: o(started.orderId), body: {} });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'implementing' });
  });

  it('refuses an appeal before anyone stalled, and allows it after five days of the other side', async () => {
    const order = await orderIn('implementing');
    const params = o(order.orderId);
    const early = await invoke(appeal, { as: 'buyer', params, body: { reason: 'slow' } });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('APPEAL_NOT_ELIGIBLE');
    await ageOrder(order.orderId, 5 * DAY + 60_000);
    expect((await invoke(appeal, { as: 'provider', params, body: { reason: 'me?' } })).status).toBe(409);
    const appealed = must(await invoke(appeal, { as: 'buyer', params, body: { reason: 'no progress for a week' } }), 200);
    expect(appealed).toMatchObject({ status: 'disputed', labels: { provider: '申诉中', buyer: '申诉中' }, appeal: { reason: 'no progress for a week', from: 'implementing' } });
    expect(appealed.timeline.at(-1)).toMatchObject({ action: 'appeal', from: 'implementing', to: 'disputed' });
    // frozen: nothing but the operator moves it
    expect((await invoke(complete, { as: 'provider', params, body: { note: 'x' } })).status).toBe(409);
  });

  it('lets the operator resolve a dispute to each outcome', async () => {
    for (const outcome of ['completed', 'cancelled', 'implementing'] as const) {
      const order = await orderIn('disputed');
      const res = must(await invoke(resolve, { as: 'operator', params: o(order.orderId), body: { outcome, note: 'evidence reviewed' } }), 200);
      expect(res.status).toBe(outcome);
      expect(res.timeline.at(-1)).toMatchObject({ action: 'resolve', from: 'disputed', to: outcome, role: 'operator' });
      if (outcome === 'cancelled') expect(res.refund).toMatchObject({ amount: order.amount });
    }
  });

  it('does not let either party overturn a ruling back to implementing at once: a new appeal needs new rejections or a stall', async () => {
    const order = await orderIn('disputed');
    const params = o(order.orderId);
    const ruled = must(await invoke(resolve, { as: 'operator', params, body: { outcome: 'implementing', note: 'redo the backup' } }), 200);
    expect(ruled).toMatchObject({ status: 'implementing', completionRejections: 0 });
    for (const as of ['buyer', 'provider'] as const) {
      const res = await invoke(appeal, { as, params, body: { reason: 'overturn it' } });
      expect([res.status, res.body.code], as).toEqual([409, 'APPEAL_NOT_ELIGIBLE']);
    }
    expect((await readItem(keys.order(order.orderId)))?.completionRejections).toBe(0);
    // the provider stalls more than five days after the ruling: the buyer may appeal again
    await ageOrder(order.orderId, 5 * DAY + 60_000);
    must(await invoke(appeal, { as: 'buyer', params, body: { reason: 'nothing since the ruling' } }), 200);
  });

  it('answers 400 for a resolution outside the allowed outcomes', async () => {
    const order = await orderIn('disputed');
    const res = await invoke(resolve, { as: 'operator', params: o(order.orderId), body: { outcome: 'refunded', note: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('outcome');
  });

  it('keeps the existing orders going after the product is delisted', async () => {
    const product = await productIn('listed');
    const order = must(await invoke(buy, { as: 'buyer', body: { productId: product.productId, planId: 'basic' } }), 201);
    must(await invoke(delistProduct, { as: 'provider', params: { productId: product.productId } }), 200);
    must(await invoke(requirements, { as: 'buyer', params: o(order.orderId), body: { answers: ANSWERS } }), 200);
    expect((await invoke(start, { as: 'provider', params: o(order.orderId) })).status).toBe(200);
  });
});

describe('cost', () => {
  it('takes an action in at most two round trips and reads an order in one', async () => {
    const order = await orderIn('implementing');
    const params = o(order.orderId);
    const action = await countRoundTrips(() => invoke(complete, { as: 'provider', params, body: { note: 'done' } }));
    expect(action.result.status).toBe(200);
    // a provider's command first reads who the caller is a member of (docs/decisions.md, "Provider organisations")
    expect(action.roundTrips).toBe(MEMBERSHIP_READ + 2);
    const refused = await countRoundTrips(() => invoke(complete, { as: 'provider', params, body: { note: 'again' } }));
    expect(refused.result.status).toBe(409);
    expect(refused.roundTrips).toBe(MEMBERSHIP_READ + 1);
    // the order's read is open to its provider's members, so whoever reads has their memberships read too
    const read = await countRoundTrips(() => invoke(getOrder, { as: 'buyer', params }));
    expect(read.roundTrips).toBe(MEMBERSHIP_READ + 1);
    const fresh = await orderIn('awaiting_start');
    const req = await countRoundTrips(() => invoke(requirements, { as: 'buyer', params: o(fresh.orderId), body: { answers: ANSWERS } }));
    expect(req.roundTrips).toBe(2);
  });

  it('never edits or deletes a timeline entry: entries only grow', async () => {
    const order = await orderIn('completed');
    const entries = (await readPartition(`ORDER#${order.orderId}`)).filter((i) => i.type === 'timeline');
    expect(entries).toHaveLength(5);
    expect(entries.map((e) => e.entryId)).toEqual(order.timeline.map((e: any) => e.entryId));
  });
});

describe('order lists', () => {
  it('lists a buyer’s orders newest first, filtered by status, one round trip a page', async () => {
    await orderIn('cancelled', { buyer: 'buyer2' });
    await orderIn('cancelled', { buyer: 'buyer2' });
    const { result, roundTrips } = await countRoundTrips(() => invoke(listBuyer, { as: 'buyer2', query: { status: 'cancelled', limit: '1' } }));
    expect(roundTrips).toBe(1);
    expect(result.body.items).toHaveLength(1);
    expect(result.body.items[0]).not.toHaveProperty('timeline');
    const next = await invoke(listBuyer, { as: 'buyer2', query: { status: 'cancelled', limit: '1', cursor: result.body.nextCursor } });
    expect(next.body.items[0].createdAt <= result.body.items[0].createdAt).toBe(true);
  });

  it('filters a provider’s orders by product, purchase time and completion time', async () => {
    const since = new Date().toISOString();
    const completed = await orderIn('completed', { provider: 'provider2' });
    await orderIn('awaiting_start', { provider: 'provider2' });
    const byProduct = await invoke(listProvider, { as: 'provider2', query: { productId: completed.productId, createdFrom: since, limit: '100' } });
    expect(byProduct.body.items.map((i: any) => i.orderId)).toContain(completed.orderId);
    for (const item of byProduct.body.items) expect(item.productId).toBe(completed.productId);
    const done = await invoke(listProvider, { as: 'provider2', query: { completedFrom: since, limit: '100' } });
    expect(done.body.items.map((i: any) => i.orderId)).toEqual([completed.orderId]);
    const before = await invoke(listProvider, { as: 'provider2', query: { createdTo: '2000-01-01T00:00:00Z' } });
    expect(before.body.items).toEqual([]);
  });

  it('answers 200 for every filter, alone and all together', async () => {
    const product = await listedProduct();
    for (const status of ['awaiting_start', 'implementing', 'awaiting_confirmation', 'completed', 'cancelled', 'disputed']) {
      const all = {
        status,
        productId: product.productId,
        createdFrom: '2020-01-01T00:00:00Z',
        createdTo: '2100-01-01T00:00:00+08:00',
        completedFrom: '2020-01-01T00:00:00Z',
        completedTo: '2100-01-01T00:00:00Z',
        limit: '5',
      };
      expect((await invoke(listProvider, { as: 'provider', query: all })).status).toBe(200);
      expect((await invoke(listBuyer, { as: 'buyer', query: all })).status).toBe(200);
      expect((await invoke(listBuyer, { as: 'buyer', query: { status } })).status).toBe(200);
    }
  });

  it('answers 400 for a malformed time range or a foreign cursor', async () => {
    expect((await invoke(listProvider, { as: 'provider', query: { createdFrom: 'yesterday' } })).status).toBe(400);
    const range = await invoke(listProvider, { as: 'provider', query: { createdFrom: '2026-02-01T00:00:00Z', createdTo: '2026-01-01T00:00:00Z' } });
    expect(range.body.errors[0].path).toBe('createdTo');
    await orderIn('awaiting_start');
    await orderIn('awaiting_start');
    const mine = await invoke(listBuyer, { as: 'buyer', query: { limit: '1' } });
    expect((await invoke(listBuyer, { as: 'buyer2', query: { cursor: mine.body.nextCursor } })).status).toBe(400);
  });
});

describe('order texts in the reader’s language', () => {
  const zh = { 'accept-language': 'zh-CN,zh;q=0.9' };

  it('names the refused command and the status in Chinese, and in English for English', async () => {
    const order = await orderIn('implementing');
    const refused = await invoke(start, { as: 'provider', params: { orderId: order.orderId }, headers: zh });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'implementing', detail: '当前状态（实施中）下不能执行「开始实施」。' });
    const english = await invoke(start, { as: 'provider', params: { orderId: order.orderId }, headers: { 'accept-language': 'en' } });
    expect(english.body.detail).toBe('Cannot start the work while the status is implementing.');
  });

  it('labels the status for each party from the catalogue', async () => {
    const order = await orderIn('implementing');
    const view = must(await invoke(getOrder, { as: 'buyer', params: { orderId: order.orderId }, headers: zh }), 200);
    expect(view.labels).toEqual({ provider: '实施中', buyer: '实施中' });
    const en = must(await invoke(getOrder, { as: 'buyer', params: { orderId: order.orderId }, headers: { 'accept-language': 'en' } }), 200);
    expect(en.labels).toEqual({ provider: 'Implementing', buyer: 'Implementing' });
  });
});
