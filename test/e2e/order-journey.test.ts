import { describe, expect, inject, it } from 'vitest';
import { api, ok } from '../support/api';
import { productContent } from '../support/fixtures';

const listedProduct = async () => {
  const product = ok(await api('POST', '/provider/products', { as: 'provider', body: productContent() }), 201);
  const submitted = ok(await api('POST', `/provider/products/${product.productId}/submit`, { as: 'provider' }));
  ok(await api('POST', `/operator/products/${product.productId}/approve`, { as: 'operator', body: { version: submitted.version } }));
  return product.productId as string;
};

const buy = async (productId: string) =>
  ok(
    await api('POST', '/orders', {
      as: 'buyer',
      body: { productId, planId: 'basic', quantity: 1 },
      headers: { 'idempotency-key': `e2e-${Date.now()}-${Math.random()}` },
    }),
    201,
  );

describe.skipIf(!inject('stack').apiUrl)('order journeys over HTTP (serverless-offline)', () => {
  it('用户-提交需求单 → 服务商-开始实施 → 服务商-实施完成 → 催促 → 用户-确认完成', async () => {
    const order = await buy(await listedProduct());
    const id = order.orderId;
    expect(order.labels).toEqual({ provider: '待实施', buyer: '待提交需求单' });
    ok(await api('PUT', `/orders/${id}/requirements`, { as: 'buyer', body: { answers: { host: '10.1.1.1', cores: 4 } } }));
    ok(await api('POST', `/orders/${id}/start`, { as: 'provider' }));
    ok(await api('POST', `/orders/${id}/complete`, { as: 'provider', body: { note: 'patched and rebooted' } }));
    ok(await api('POST', `/orders/${id}/urge`, { as: 'provider' }));
    expect((await api('POST', `/orders/${id}/urge`, { as: 'provider' })).status).toBe(429);
    const done = ok(await api('POST', `/orders/${id}/confirm`, { as: 'buyer' }));
    expect(done).toMatchObject({ status: 'completed', labels: { provider: '已完成', buyer: '分配完成' } });
    const seenByProvider = ok(await api('GET', `/orders/${id}`, { as: 'provider', headers: { 'accept-language': 'en' } }));
    expect(seenByProvider.labels.provider).toBe('Completed');
    expect(seenByProvider.timeline.map((e: any) => e.action)).toEqual(['create', 'submit-requirements', 'start', 'complete', 'urge', 'confirm']);
    const list = ok(await api('GET', `/provider/orders?status=completed&productId=${order.productId}`, { as: 'provider' }));
    expect(list.items.map((i: any) => i.orderId)).toContain(id);
  });

  it('reworks: 驳回验收 → 实施完成 again → 确认完成', async () => {
    const { orderId: id } = await buy(await listedProduct());
    ok(await api('PUT', `/orders/${id}/requirements`, { as: 'buyer', body: { answers: { host: 'h' } } }));
    ok(await api('POST', `/orders/${id}/start`, { as: 'provider' }));
    ok(await api('POST', `/orders/${id}/complete`, { as: 'provider', body: { note: 'v1' } }));
    const back = ok(await api('POST', `/orders/${id}/reject-completion`, { as: 'buyer', body: { reason: 'login fails' } }));
    expect(back.status).toBe('implementing');
    ok(await api('POST', `/orders/${id}/complete`, { as: 'provider', body: { note: 'v2: fixed PAM config' } }));
    const done = ok(await api('POST', `/orders/${id}/confirm`, { as: 'buyer' }));
    expect(done.timeline.map((e: any) => e.action).slice(-4)).toEqual(['complete', 'reject-completion', 'complete', 'confirm']);
  });

  it('appeals after three rejected completions and the operator resolves it', async () => {
    const { orderId: id } = await buy(await listedProduct());
    ok(await api('PUT', `/orders/${id}/requirements`, { as: 'buyer', body: { answers: { host: 'h' } } }));
    ok(await api('POST', `/orders/${id}/start`, { as: 'provider' }));
    for (let i = 0; i < 3; i++) {
      ok(await api('POST', `/orders/${id}/complete`, { as: 'provider', body: { note: `attempt ${i}` } }));
      ok(await api('POST', `/orders/${id}/reject-completion`, { as: 'buyer', body: { reason: `still broken ${i}` } }));
    }
    const disputed = ok(await api('POST', `/orders/${id}/appeal`, { as: 'provider', body: { reason: 'the buyer rejects working delivery' } }));
    expect(disputed.labels).toEqual({ provider: '申诉中', buyer: '申诉中' });
    expect((await api('POST', `/orders/${id}/complete`, { as: 'provider', body: { note: 'x' } })).status).toBe(409);
    const resolved = ok(
      await api('POST', `/operator/orders/${id}/resolve`, { as: 'operator', body: { outcome: 'completed', note: 'delivery verified by platform' } }),
    );
    expect(resolved.status).toBe('completed');
    expect(resolved.timeline.at(-1)).toMatchObject({ action: 'resolve', role: 'operator', from: 'disputed', to: 'completed' });
  });
});
