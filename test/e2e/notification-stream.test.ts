import { describe, expect, inject, it } from 'vitest';
import { api, ok } from '../support/api';
import { productContent } from '../support/fixtures';

const eventually = async <T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

describe.skipIf(!inject('stack').apiUrl)('notifications through the real local stream and event bus', () => {
  it('an order action reaches the other party’s inbox within seconds', async () => {
    const product = ok(await api('POST', '/provider/products', { as: 'provider2', body: productContent({ requirementsBeforeStart: false }) }), 201);
    const submitted = ok(await api('POST', `/provider/products/${product.productId}/submit`, { as: 'provider2' }));
    ok(await api('POST', `/operator/products/${product.productId}/approve`, { as: 'operator', body: { version: submitted.version } }));
    const order = ok(await api('POST', '/orders', { as: 'buyer2', body: { productId: product.productId, planId: 'basic' } }), 201);
    ok(await api('POST', `/orders/${order.orderId}/start`, { as: 'provider2' }));

    const started = await eventually(async () => {
      const inbox = ok(await api('GET', '/notifications?limit=50', { as: 'buyer2' }));
      return inbox.items.find((n: any) => n.orderId === order.orderId && n.type === 'start');
    });
    expect(started).toMatchObject({ title: '服务商已开始实施', read: false });

    const approved = await eventually(async () => {
      const inbox = ok(await api('GET', '/notifications?limit=50&unread=true', { as: 'provider2' }));
      return inbox.items.find((n: any) => n.productId === product.productId && n.type === 'approved');
    });
    expect(approved.title).toBe('商品审核通过');
    const read = ok(await api('POST', `/notifications/${started.notificationId}/read`, { as: 'buyer2' }));
    expect(read.read).toBe(true);
    // the stream router, the bus and three consumers: first invocations are cold on a loaded machine
  }, 90_000);

  it('a purchase that leaves a plan below 10 codes reaches the organisation’s inbox (the stock item’s change on the stream)', async () => {
    const content = productContent({ name: `兑换码 e2e ${Date.now()}`, serviceType: 'software', delivery: 'code', requirementsTemplate: [], requirementsBeforeStart: false });
    const product = ok(await api('POST', '/provider/products', { as: 'provider2', body: content }), 201);
    const submitted = ok(await api('POST', `/provider/products/${product.productId}/submit`, { as: 'provider2' }));
    ok(await api('POST', `/operator/products/${product.productId}/approve`, { as: 'operator', body: { version: submitted.version } }));
    const codes = Array.from({ length: 10 }, (_, i) => `E2E-${product.productId}-${i}`);
    ok(await api('POST', `/provider/products/${product.productId}/codes`, { as: 'provider2', body: { planId: 'basic', codes } }));
    ok(await api('POST', '/orders', { as: 'buyer2', body: { productId: product.productId, planId: 'basic' } }), 201);
    const low = await eventually(async () => {
      const inbox = ok(await api('GET', '/notifications?limit=50', { as: 'provider2' }));
      return inbox.items.find((n: any) => n.productId === product.productId && n.type === 'low-stock');
    }, 30_000);
    expect(low.title).toBe('兑换码库存不足');
    expect(low.body).toContain('仅剩 9 个');
    expect(JSON.stringify(low)).not.toContain(codes[0]);
  }, 90_000);
});
