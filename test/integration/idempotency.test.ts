import { describe, expect, it } from 'vitest';
import { handler as buy } from '../../functions/orders/create';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as submit } from '../../functions/products/submit';
import { handler as withdraw } from '../../functions/products/withdraw';
import { handler as approve } from '../../functions/operator/approve';
import { newId } from '../../lib/shared/ids';
import { invoke } from '../support/http';
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
