import { describe, expect, it } from 'vitest';
import { handler as buy } from '../../functions/orders/create';
import { handler as appeal } from '../../functions/orders/appeal';
import { handler as resolve } from '../../functions/orders/resolve';
import { handler as listBuyerOrders } from '../../functions/orders/list-buyer';
import { handler as approve } from '../../functions/operator/approve';
import { handler as reject } from '../../functions/operator/reject';
import { invoke, user } from '../support/http';
import { orderIn } from '../support/orders';
import { must, productIn } from '../support/products';

describe('separation of duties (403 CONFLICT_OF_INTEREST)', () => {
  it('refuses a provider who also buys buying their own product, and writes no order', async () => {
    const product = await productIn('listed', 'providerBuyer');
    const res = await invoke(buy, { as: 'providerBuyer', body: { productId: product.productId, planId: 'basic' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
    const mine = must(await invoke(listBuyerOrders, { as: 'providerBuyer' }), 200);
    expect(mine.items.filter((o: any) => o.productId === product.productId)).toHaveLength(0);
  });

  it('refuses an operator approving or rejecting their own product; another operator may', async () => {
    const product = await productIn('in_review', 'operatorProvider');
    const params = { productId: product.productId };
    for (const [handler, body] of [
      [approve, { version: product.version }],
      [reject, { version: product.version, reason: 'mine' }],
    ] as const) {
      const res = await invoke(handler, { as: 'operatorProvider', params, body });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
    }
    must(await invoke(approve, { as: 'operator', params, body: { version: product.version } }), 200);
  });

  it('refuses an operator resolving a dispute they are the buyer of; another operator may', async () => {
    const order = await orderIn('disputed', { buyer: 'operatorBuyer' });
    const params = { orderId: order.orderId };
    const res = await invoke(resolve, { as: 'operatorBuyer', params, body: { outcome: 'cancelled', note: 'refund me' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
    const settled = must(await invoke(resolve, { as: 'operator', params, body: { outcome: 'implementing', note: 'go on' } }), 200);
    expect(settled.timeline.at(-1).actor).toBe(user('operator').id);
  });

  it('refuses an operator resolving a dispute over an order they provide', async () => {
    const order = await orderIn('disputed', { provider: 'operatorProvider' });
    const res = await invoke(resolve, { as: 'operatorProvider', params: { orderId: order.orderId }, body: { outcome: 'completed', note: 'done' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
  });
});

describe('the role of an action is the side of the order the user is on', () => {
  it('lets a provider who also buys appeal an order they sell, as its provider', async () => {
    const order = await orderIn('appealable', { provider: 'providerBuyer' });
    const res = await invoke(appeal, { as: 'providerBuyer', params: { orderId: order.orderId }, body: { reason: 'buyer keeps rejecting' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'appeal', role: 'provider', actor: user('providerBuyer').id });
  });

  it('lets the same user appeal an order they bought, as its buyer', async () => {
    const order = await orderIn('appealable', { buyer: 'providerBuyer' });
    const res = await invoke(appeal, { as: 'providerBuyer', params: { orderId: order.orderId }, body: { reason: 'still broken' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'appeal', role: 'buyer' });
  });

  it('answers 404 to a user in both groups for an order they are on neither side of', async () => {
    const order = await orderIn('appealable');
    const res = await invoke(appeal, { as: 'providerBuyer', params: { orderId: order.orderId }, body: { reason: 'not mine' } });
    expect(res.status).toBe(404);
  });
});
