import { describe, expect, it } from 'vitest';
import { handler as buy } from '../../functions/orders/create';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as submit } from '../../functions/products/submit';
import { handler as withdraw } from '../../functions/products/withdraw';
import { handler as approve } from '../../functions/operator/approve';
import { handler as takedown } from '../../functions/operator/takedown';
import { handler as deleteProduct } from '../../functions/products/delete';
import { handler as createProduct } from '../../functions/products/create';
import { handler as getOwn } from '../../functions/products/get-own';
import { handler as rate } from '../../functions/reviews/create';
import { handler as editReview } from '../../functions/reviews/edit';
import { handler as replyReview } from '../../functions/reviews/reply';
import { handler as grantAttachment } from '../../functions/attachments/grant';
import { keys } from '../../lib/db/keys';
import { newId } from '../../lib/shared/ids';
import { countCalls, readItem, readPartition } from '../support/db';
import { productContent } from '../support/fixtures';
import { invoke, type Call } from '../support/http';
import { bodyOf, commandHandlers } from '../support/order-commands';
import { listedProduct, orderIn, type OrderStage } from '../support/orders';
import { must, productIn } from '../support/products';

const CASES: Array<{ action: keyof typeof commandHandlers; stage: OrderStage; as: 'buyer' | 'provider' | 'operator' }> = [
  { action: 'submit-requirements', stage: 'awaiting_start', as: 'buyer' },
  { action: 'reject-requirements', stage: 'requirements_submitted', as: 'provider' },
  { action: 'start', stage: 'requirements_submitted', as: 'provider' },
  { action: 'complete', stage: 'implementing', as: 'provider' },
  { action: 'urge', stage: 'awaiting_confirmation', as: 'provider' },
  { action: 'confirm', stage: 'awaiting_confirmation', as: 'buyer' },
  { action: 'reject-completion', stage: 'awaiting_confirmation', as: 'buyer' },
  { action: 'cancel', stage: 'awaiting_start', as: 'buyer' },
  { action: 'appeal', stage: 'appealable', as: 'buyer' },
  { action: 'resolve', stage: 'disputed', as: 'operator' },
];

describe('Idempotency-Key on every command', () => {
  it.each(CASES.map((c) => [c.action, c] as const))('replays the first answer of %s to a retry with the same key', async (_n, c) => {
    const order = await orderIn(c.stage);
    const call = { as: c.as, params: { orderId: order.orderId }, body: bodyOf(c.action), headers: { 'idempotency-key': newId() } };
    const first = must(await invoke(commandHandlers[c.action], call), 200);
    const retry = await invoke(commandHandlers[c.action], call);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first);
    const after = must(await invoke(getOrder, { as: 'operator', params: { orderId: order.orderId } }), 200);
    expect(after.timeline.filter((e: any) => e.action === c.action).length).toBe(first.timeline.filter((e: any) => e.action === c.action).length);
    expect(after.version).toBe(first.version);
  });

  it('replays one answer to simultaneous retries of a command and applies it once', async () => {
    const order = await orderIn('awaiting_confirmation');
    const call = { as: 'buyer' as const, params: { orderId: order.orderId }, headers: { 'idempotency-key': newId() } };
    const answers = await Promise.all(Array.from({ length: 5 }, () => invoke(commandHandlers.confirm, call)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const after = must(await invoke(getOrder, { as: 'operator', params: { orderId: order.orderId } }), 200);
    expect(after.timeline.filter((e: any) => e.action === 'confirm')).toHaveLength(1);
  });

  it('refuses the same key with another body (409 IDEMPOTENCY_KEY_REUSED) and writes nothing', async () => {
    const order = await orderIn('implementing');
    const headers = { 'idempotency-key': newId() };
    must(await invoke(commandHandlers.complete, { as: 'provider', params: { orderId: order.orderId }, body: { note: 'a' }, headers }), 200);
    const other = await invoke(commandHandlers.complete, { as: 'provider', params: { orderId: order.orderId }, body: { note: 'b' }, headers });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('treats a key as the user’s own: another user’s same key is a different request', async () => {
    const order = await orderIn('awaiting_confirmation');
    const headers = { 'idempotency-key': newId() };
    must(await invoke(commandHandlers.urge, { as: 'provider', params: { orderId: order.orderId }, headers }), 200);
    const confirmed = must(await invoke(commandHandlers.confirm, { as: 'buyer', params: { orderId: order.orderId }, headers }), 200);
    expect(confirmed.status).toBe('completed');
  });

  it('replays product commands: submit, withdraw and approve', async () => {
    const draft = await productIn('draft');
    const params = { productId: draft.productId };
    const headers = { 'idempotency-key': newId() };
    const submitted = must(await invoke(submit, { as: 'provider', params, headers }), 200);
    const again = await invoke(submit, { as: 'provider', params, headers });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(submitted);
    const w = { 'idempotency-key': newId() };
    const withdrawn = must(await invoke(withdraw, { as: 'provider', params, headers: w }), 200);
    expect((await invoke(withdraw, { as: 'provider', params, headers: w })).body).toEqual(withdrawn);
    const resubmitted = must(await invoke(submit, { as: 'provider', params }), 200);
    const a = { 'idempotency-key': newId() };
    const approved = must(await invoke(approve, { as: 'operator', params, headers: a, body: { version: resubmitted.version } }), 200);
    const replayed = await invoke(approve, { as: 'operator', params, headers: a, body: { version: resubmitted.version } });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toEqual(approved);
  });

  it('compares the parsed body: quantity omitted and quantity 1 are one purchase', async () => {
    const product = await listedProduct();
    const headers = { 'idempotency-key': newId() };
    const first = must(await invoke(buy, { as: 'buyer', headers, body: { productId: product.productId, planId: 'basic' } }), 201);
    const again = await invoke(buy, { as: 'buyer', headers, body: { quantity: 1, planId: 'basic', productId: product.productId } });
    expect(again.status).toBe(201);
    expect(again.body.orderId).toBe(first.orderId);
  });
});

/** A retry answered from its record: the same status and body, the replay header, and not one write. */
const replaysWithoutWriting = async (handler: Parameters<typeof invoke>[0], call: Call, status: number) => {
  const first = await invoke(handler, call);
  expect(first.status).toBe(status);
  const retry = await countCalls(() => invoke(handler, call));
  expect(retry.result.status).toBe(status);
  expect(retry.result.headers['idempotent-replayed']).toBe('true');
  expect(retry.result.body).toEqual(first.body);
  expect(retry.writes).toBe(0);
  return first.body;
};

describe('Idempotency-Key on the commands that lacked it', () => {
  it('replays a rating, its edit and its reply without writing again', async () => {
    const order = await orderIn('completed');
    const params = { orderId: order.orderId };
    await replaysWithoutWriting(rate, { as: 'buyer', params, body: { rating: 4 }, headers: { 'idempotency-key': newId() } }, 201);
    await replaysWithoutWriting(editReview, { as: 'buyer', params, body: { rating: 5 }, headers: { 'idempotency-key': newId() } }, 200);
    await replaysWithoutWriting(replyReview, { as: 'provider', params, body: { text: '谢谢' }, headers: { 'idempotency-key': newId() } }, 200);
  });

  it('replays an upload grant: a retry makes no second attachment', async () => {
    const order = await orderIn('implementing');
    const call = { as: 'provider' as const, params: { orderId: order.orderId }, body: { fileName: 'r.txt', contentType: 'text/plain', size: 5 }, headers: { 'idempotency-key': newId() } };
    const grant = await replaysWithoutWriting(grantAttachment, call, 201);
    const attachments = (await readPartition(keys.orderPartition(order.orderId))).filter((i) => i.type === 'attachment');
    expect(attachments.map((a) => a.attachmentId)).toEqual([grant.attachmentId]);
  });

  it('replays an operator takedown and a product deletion', async () => {
    const listed = await productIn('listed');
    const headers = { 'idempotency-key': newId() };
    await replaysWithoutWriting(takedown, { as: 'operator', params: { productId: listed.productId }, body: { reason: '违规' }, headers }, 200);
    const draft = await productIn('draft');
    await replaysWithoutWriting(deleteProduct, { as: 'provider', params: { productId: draft.productId }, headers: { 'idempotency-key': newId() } }, 204);
    expect(await readItem(keys.product(draft.productId))).toBeUndefined();
  });
});

describe('replay records', () => {
  const longText = (i: number) => `${i} ` + '运维'.repeat(995);

  it('keeps answering keyed commands once the order’s answer passes 400 KB, and replays them', async () => {
    const order = await orderIn('awaiting_start');
    const params = { orderId: order.orderId };
    const keyed = async (action: keyof typeof commandHandlers, as: 'buyer' | 'provider' | 'operator', body?: unknown, retried = true) => {
      const call = { as, params, body, headers: { 'idempotency-key': newId() } };
      const first = await invoke(commandHandlers[action], call);
      expect(first.status, `${action}: ${JSON.stringify(first.body).slice(0, 200)}`).toBe(200);
      if (!retried) return first.body;
      const retry = await invoke(commandHandlers[action], call);
      expect(retry.status).toBe(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      return first.body;
    };
    for (let i = 0; i < 70; i++) await keyed('message', i % 2 ? 'buyer' : 'provider', { text: longText(i) }, i >= 65);
    await keyed('submit-requirements', 'buyer', { answers: { host: '运'.repeat(2000), cores: 8 } });
    await keyed('start', 'provider');
    for (let i = 0; i < 3; i++) {
      await keyed('complete', 'provider', { note: longText(i) });
      await keyed('reject-completion', 'buyer', { reason: `not yet ${i}` });
    }
    await keyed('appeal', 'buyer', { reason: 'keeps failing' });
    await keyed('message', 'operator', { text: longText(99) });
    await keyed('resolve', 'operator', { outcome: 'implementing', note: longText(100) });
    await keyed('complete', 'provider', { note: 'done' });
    const last = await keyed('confirm', 'buyer');
    expect(last.status).toBe('completed');
    expect(Buffer.byteLength(JSON.stringify(last))).toBeGreaterThan(400 * 1024);
    // nothing of it in the order's partition; the record keeps the status and the version, not the answer
    const partition = await readPartition(keys.orderPartition(order.orderId));
    expect(partition.filter((i) => i.type === 'idempotency')).toEqual([]);
  }, 120_000);

  it('reads an order with 60 keyed messages in as many round trips and items as one without keys', async () => {
    const [keyed, plain] = [await orderIn('implementing'), await orderIn('implementing')];
    for (let i = 0; i < 60; i++) {
      must(await invoke(commandHandlers.message, { as: 'buyer', params: { orderId: keyed.orderId }, body: { text: `m${i}` }, headers: { 'idempotency-key': newId() } }), 200);
      must(await invoke(commandHandlers.message, { as: 'buyer', params: { orderId: plain.orderId }, body: { text: `m${i}` } }), 200);
    }
    const read = (orderId: string) => countCalls(() => invoke(getOrder, { as: 'buyer', params: { orderId } }));
    const [a, b] = [await read(keyed.orderId), await read(plain.orderId)];
    expect(a.result.body.timeline).toHaveLength(b.result.body.timeline.length);
    expect(a.roundTrips).toBe(b.roundTrips);
    expect(Math.abs(a.itemsRead - b.itemsRead)).toBeLessThanOrEqual(1);
  }, 60_000);

  it('rebuilds a large product answer by reading the product, and keeps a small one', async () => {
    const big = productContent({ description: '运维'.repeat(9000) });
    const headers = { 'idempotency-key': newId() };
    const first = must(await invoke(createProduct, { as: 'provider', body: big, headers }), 201);
    const again = await invoke(createProduct, { as: 'provider', body: big, headers });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first);
    expect(again.body).toEqual(must(await invoke(getOwn, { as: 'provider', params: { productId: first.productId } }), 200));
  });
});
