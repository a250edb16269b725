import { describe, expect, it } from 'vitest';
import { handler as upload } from '../../functions/codes/upload';
import { handler as listCodes } from '../../functions/codes/list';
import { handler as buy } from '../../functions/orders/create';
import { handler as reveal } from '../../functions/orders/reveal';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as page } from '../../functions/products/page';
import { handler as refund } from '../../functions/orders/refund';
import { keys } from '../../lib/db/keys';
import { readItem, readPartition } from '../support/db';
import { invoke } from '../support/http';
import { must, productIn } from '../support/products';

const codeContent = (name: string) => ({
  name,
  serviceType: 'software',
  delivery: 'code',
  requirementsTemplate: [],
  requirementsBeforeStart: false,
});

/** A listed code product of `provider` with `count` codes uploaded to plan `basic`, each unique to this call. */
const codeProduct = async (count: number, tag = Math.random().toString(36).slice(2, 8)) => {
  const product = await productIn('listed', 'provider', codeContent(`兑换码 ${tag}`));
  const codes = Array.from({ length: count }, (_, i) => `KEY-${tag}-${String(i).padStart(5, '0')}`);
  if (count) must(await invoke(upload, { as: 'provider', params: { productId: product.productId }, body: { planId: 'basic', codes } }), 200);
  return { productId: product.productId as string, codes };
};

const params = (productId: string) => ({ productId });

describe('uploading redemption codes (上传兑换码)', () => {
  it('adds codes to a plan and shows the stock, masked codes only', async () => {
    const { productId, codes } = await codeProduct(0);
    const first = must(await invoke(upload, { as: 'provider', params: params(productId), body: { planId: 'basic', codes: ['ABCD-1234-XYZ9', 'short', 'EFGH-5678-QRS1'] } }), 200);
    expect(first).toMatchObject({ added: 3, stock: 3, available: 3 });
    expect(codes).toEqual([]);
    const listed = must(await invoke(listCodes, { as: 'provider', params: params(productId), query: { planId: 'basic' } }), 200);
    expect(listed.plans.find((p: { planId: string }) => p.planId === 'basic')).toMatchObject({ stock: 3, sold: 0, available: 3 });
    expect(listed.items.map((c: { masked: string }) => c.masked)).toEqual(['••••XYZ9', '••••t', '••••QRS1']);
    expect(JSON.stringify(listed)).not.toContain('ABCD-1234');
    // stored sealed: no code in clear anywhere in the plan's partition
    const stored = await readPartition(keys.planCodes(productId, 'basic'));
    expect(JSON.stringify(stored)).not.toContain('ABCD-1234');
    // the product page shows what is left
    expect(must(await invoke(page, { params: params(productId) }), 200).codesAvailable).toEqual({ basic: 3, monthly: 0 });
  });

  it('answers 400 naming duplicates by index, in the body and already uploaded, never echoing them', async () => {
    const { productId } = await codeProduct(2, 'dup');
    const inBody = await invoke(upload, { as: 'provider', params: params(productId), body: { planId: 'monthly', codes: ['NEW-0001', 'NEW-0002', 'NEW-0001'] } });
    expect(inBody.status).toBe(400);
    expect(inBody.body.errors.map((e: { path: string }) => e.path)).toEqual(['codes.2']);
    const uploaded = await invoke(upload, { as: 'provider', params: params(productId), body: { planId: 'monthly', codes: ['NEW-0003', 'KEY-dup-00001'] } });
    expect(uploaded.status).toBe(400);
    expect(uploaded.body.errors.map((e: { path: string }) => e.path)).toEqual(['codes.1']);
    expect(JSON.stringify(uploaded.body)).not.toContain('KEY-dup');
    // nothing of a refused upload was added
    const listed = must(await invoke(listCodes, { as: 'provider', params: params(productId), query: { planId: 'monthly' } }), 200);
    expect(listed.plans.find((p: { planId: string }) => p.planId === 'monthly').stock).toBe(0);
  });

  it('refuses codes of the wrong shape, too many, another organisation’s product and a manual product', async () => {
    const { productId } = await codeProduct(0);
    const shapes = await invoke(upload, { as: 'provider', params: params(productId), body: { planId: 'basic', codes: ['abc', 'has space', 'x'.repeat(201), 'ok-code'] } });
    expect(shapes.status).toBe(400);
    expect(shapes.body.errors.map((e: { path: string }) => e.path)).toEqual(['codes.0', 'codes.1', 'codes.2']);
    const many = await invoke(upload, { as: 'provider', params: params(productId), body: { planId: 'basic', codes: Array.from({ length: 1001 }, (_, i) => `C-${i}-xx`) } });
    expect(many.status).toBe(400);
    expect((await invoke(upload, { as: 'provider2', params: params(productId), body: { planId: 'basic', codes: ['OTHER-001'] } })).status).toBe(404);
    expect((await invoke(listCodes, { as: 'provider2', params: params(productId) })).status).toBe(404);
    expect((await invoke(upload, { as: 'provider', params: params(productId), body: { planId: 'nope', codes: ['PLAN-0001'] } })).status).toBe(404);
    const manual = await productIn('draft', 'provider');
    expect((await invoke(upload, { as: 'provider', params: params(manual.productId), body: { planId: 'basic', codes: ['MANUAL-01'] } })).status).toBe(409);
  });

  it('takes 1,000 codes in one call', async () => {
    const { productId } = await codeProduct(1000, 'bulk');
    const listed = must(await invoke(listCodes, { as: 'provider', params: params(productId), query: { planId: 'basic', limit: '100' } }), 200);
    expect(listed.plans.find((p: { planId: string }) => p.planId === 'basic')).toMatchObject({ stock: 1000, available: 1000 });
    expect(listed.items.map((c: { seq: number }) => c.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(listed.nextCursor).toBeTruthy();
  });
});

describe('buying codes', () => {
  it('sells 50 codes to exactly 50 of 200 simultaneous purchases, each code once; the rest are SOLD_OUT', async () => {
    const { productId, codes } = await codeProduct(50, 'race');
    const buyers = ['buyer', 'buyer2', 'operatorBuyer'] as const;
    // 200 purchases racing, at most 40 in flight: what one DynamoDB Local process answers within the client's 5 s
    // timeout (deployed, each is its own function instance)
    const answers: Awaited<ReturnType<typeof invoke>>[] = new Array(200);
    let next = 0;
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        for (let i = next++; i < 200; i = next++) answers[i] = await invoke(buy, { as: buyers[i % buyers.length], body: { productId, planId: 'basic' } });
      }),
    );
    const statuses = answers.map((a) => a.status);

    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(150);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'SOLD_OUT')).toBe(true);
    const orders = answers.filter((a) => a.status === 201).map((a) => a.body);
    expect(orders.every((o) => o.status === 'delivered' && o.delivery === 'code' && o.codes === undefined)).toBe(true);
    // each buyer reveals: 50 distinct codes, exactly the uploaded ones
    const revealed = await Promise.all(
      orders.map(async (o) => {
        const buyer = buyers.find((b) => b === buyers[answers.findIndex((a) => a.body?.orderId === o.orderId) % buyers.length])!;
        return must(await invoke(reveal, { as: buyer, params: { orderId: o.orderId } }), 200).codes as string[];
      }),
    );
    const all = revealed.flat();
    expect(new Set(all).size).toBe(50);
    expect([...all].sort()).toEqual([...codes].sort());
    expect(await readItem(keys.codeStock(productId, 'basic'))).toMatchObject({ stock: 50, taken: 50, left: 0 });
  }, 120_000);

  it('takes quantity codes, answers SOLD_OUT when fewer are left, and a replay never takes a second code', async () => {
    const { productId } = await codeProduct(5, 'qty');
    const key = `codes-${Math.random()}`;
    const first = await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic', quantity: 3 }, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    const replays = await Promise.all(
      Array.from({ length: 5 }, () => invoke(buy, { as: 'buyer', body: { productId, planId: 'basic', quantity: 3 }, headers: { 'idempotency-key': key } })),
    );
    expect(replays.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(replays.map((r) => r.body.orderId))).toEqual(new Set([first.body.orderId]));
    const more = await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic', quantity: 3 } });
    expect(more.status).toBe(409);
    expect(more.body).toMatchObject({ code: 'SOLD_OUT', available: 2 });
    expect(await readItem(keys.codeStock(productId, 'basic'))).toMatchObject({ stock: 5, taken: 3, left: 2 });
    // which order got which code, for support
    const listed = must(await invoke(listCodes, { as: 'provider', params: params(productId), query: { planId: 'basic' } }), 200);
    expect(listed.items.map((c: { orderId: string | null }) => c.orderId)).toEqual([first.body.orderId, first.body.orderId, first.body.orderId, null, null]);
  });

  it('simultaneous twins with one key make one order, and every later replay answers it', async () => {
    const { productId } = await codeProduct(1, 'twin');
    const key = `twin-${Math.random()}`;
    const twins = await Promise.all(
      Array.from({ length: 6 }, () => invoke(buy, { as: 'buyer2', body: { productId, planId: 'basic' }, headers: { 'idempotency-key': key } })),
    );
    // one order; every twin answers it, or (when its slot came after the last code) SOLD_OUT; none got a second order
    const created = twins.filter((t) => t.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((t) => t.body.orderId)).size).toBe(1);
    expect(twins.every((t) => t.status === 201 || t.body.code === 'SOLD_OUT')).toBe(true);
    // later replays all answer the one order
    const later = must(await invoke(buy, { as: 'buyer2', body: { productId, planId: 'basic' }, headers: { 'idempotency-key': key } }), 201);
    expect(later.orderId).toBe(created[0].body.orderId);
  });
});

describe('revealing codes (查看兑换码)', () => {
  it('answers the codes to the buyer only, records the reveal and completes the order', async () => {
    const { productId, codes } = await codeProduct(2, 'rev');
    const order = must(await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic', quantity: 2 } }), 201);
    // nobody sees the codes before the reveal, the provider never
    expect((await invoke(getOrder, { as: 'buyer', params: { orderId: order.orderId } })).body.codes).toBeUndefined();
    expect((await invoke(reveal, { as: 'provider', params: { orderId: order.orderId } })).status).toBe(404);
    expect((await invoke(reveal, { as: 'buyer2', params: { orderId: order.orderId } })).status).toBe(404);
    const key = `reveal-${Math.random()}`;
    const revealed = must(await invoke(reveal, { as: 'buyer', params: { orderId: order.orderId }, headers: { 'idempotency-key': key } }), 200);
    expect(revealed).toMatchObject({ status: 'completed', codes });
    expect(revealed.revealedAt).toBeTruthy();
    expect(revealed.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'reveal']);
    // a replay answers the codes again; the replay record keeps none
    const again = must(await invoke(reveal, { as: 'buyer', params: { orderId: order.orderId }, headers: { 'idempotency-key': key } }), 200);
    expect(again.codes).toEqual(codes);
    const record = await readPartition(`IDEMPOTENCY#ORDER#${order.orderId}#${revealed.buyerId}#reveal#${key}`);
    expect(JSON.stringify(record)).not.toContain(codes[0]);
    // the order and its timeline hold no code
    expect(JSON.stringify(await readPartition(keys.orderPartition(order.orderId)))).not.toContain(codes[0]);
    // the buyer reads them again; the provider reads the order without them
    expect(must(await invoke(getOrder, { as: 'buyer', params: { orderId: order.orderId } }), 200).codes).toEqual(codes);
    const asProvider = must(await invoke(getOrder, { as: 'provider', params: { orderId: order.orderId } }), 200);
    expect(asProvider.codes).toBeUndefined();
    expect(asProvider.status).toBe('completed');
    // a second reveal without the key is a state error
    expect((await invoke(reveal, { as: 'buyer', params: { orderId: order.orderId } })).status).toBe(409);
  });
});

describe('refunding a code order', () => {
  it('refunds an unrevealed order to its buyer (its codes void), and nothing once revealed', async () => {
    const { productId } = await codeProduct(3, 'refund');
    const order = must(await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic' } }), 201);
    expect((await invoke(refund, { as: 'buyer2', params: { orderId: order.orderId }, body: { reason: '不需要了' } })).status).toBe(404);
    const refunded = must(await invoke(refund, { as: 'buyer', params: { orderId: order.orderId }, body: { reason: '不需要了' } }), 200);
    expect(refunded).toMatchObject({ status: 'cancelled', refund: { amount: order.amount } });
    // void: not back on sale
    expect(await readItem(keys.codeStock(productId, 'basic'))).toMatchObject({ stock: 3, taken: 1, left: 2 });
    expect((await invoke(reveal, { as: 'buyer', params: { orderId: order.orderId } })).status).toBe(409);
    const revealed = must(await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic' } }), 201);
    must(await invoke(reveal, { as: 'buyer', params: { orderId: revealed.orderId } }), 200);
    expect((await invoke(refund, { as: 'buyer', params: { orderId: revealed.orderId }, body: { reason: '不需要了' } })).status).toBe(409);
  });
});
