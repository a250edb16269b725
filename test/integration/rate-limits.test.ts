import { describe, expect, it } from 'vitest';
import { config } from '../../lib/config';
import { productContent } from '../support/fixtures';
import { invoke } from '../support/http';

// Limits of this file only (the handlers read them from the configuration on every request).
Object.assign(config.rateLimits.orders, { limit: 3, windowSeconds: 3600 });
Object.assign(config.rateLimits.products, { limit: 2, windowSeconds: 3600 });
// the window's length is in the counter's key, so other files' 60-second windows never share these counts
Object.assign(config.rateLimits.messages, { limit: 3, windowSeconds: 3600 });
Object.assign(config.rateLimits.uploads, { limit: 3, windowSeconds: 3600 });

describe('per-user rate limits on creation (429 THROTTLED with Retry-After)', () => {
  it('refuses a provider’s products beyond the limit of the window, and writes nothing', async () => {
    const { handler: create } = await import('../../functions/products/create');
    const { handler: listOwn } = await import('../../functions/products/list-own');
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await invoke(create, { as: 'limitedProvider', body: productContent({ name: `限流 ${i}` }) }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 429, 429]);
    const refused = answers[2];
    expect(refused.body.code).toBe('THROTTLED');
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    const mine = await invoke(listOwn, { as: 'limitedProvider', query: { limit: '100' } });
    expect(mine.body.items).toHaveLength(2);
  });

  it('refuses a buyer’s orders beyond the limit, counts a replay of one request once, and writes nothing', async () => {
    const { createProduct, changeProductStatus } = await import('../../lib/products/repository');
    const { handler: buy } = await import('../../functions/orders/create');
    const { handler: listBuyer } = await import('../../functions/orders/list-buyer');
    const { user } = await import('../support/http');
    const { normalizeContent } = await import('../../lib/products/model');
    const acting = { providerId: user('provider2').id, role: 'admin' as const, organisationName: 'provider2' };
    const provider = { id: user('provider2').id, roles: ['provider' as const], memberships: [acting], provider: acting };
    const operator = { id: user('operator').id, roles: ['operator' as const], memberships: [] };
    const made = await createProduct(provider, normalizeContent(productContent() as never), new Date(), undefined, (p) => ({ status: 201, body: p }));
    const productId = (made.body as { productId: string }).productId;
    const submitted = await changeProductStatus(provider, productId, 'submit', {}, new Date());
    await changeProductStatus(operator, productId, 'approve', { version: submitted.version }, new Date());

    const body = { productId, planId: 'basic' };
    const first = await invoke(buy, { as: 'limitedBuyer', body, headers: { 'idempotency-key': 'rate-1' } });
    const replay = await invoke(buy, { as: 'limitedBuyer', body, headers: { 'idempotency-key': 'rate-1' } });
    expect([first.status, replay.status]).toEqual([201, 201]);
    const rest = [];
    for (let i = 0; i < 3; i++) rest.push(await invoke(buy, { as: 'limitedBuyer', body }));
    expect(rest.map((a) => a.status)).toEqual([201, 201, 429]);
    expect(rest[2].body.code).toBe('THROTTLED');
    expect(Number(rest[2].headers['retry-after'])).toBeGreaterThan(0);
    const mine = await invoke(listBuyer, { as: 'limitedBuyer', query: { limit: '100' } });
    expect(mine.body.items).toHaveLength(3);
  });

  it('refuses a party’s messages beyond the limit, writes nothing of a refused one, and replays a retried one', async () => {
    const { handler: message } = await import('../../functions/orders/message');
    const { handler: get } = await import('../../functions/orders/get');
    const { orderIn } = await import('../support/orders');
    const order = await orderIn('implementing', { buyer: 'buyer2' });
    const params = { orderId: order.orderId };
    const first = await invoke(message, { as: 'buyer2', params, body: { text: '第 1 条' }, headers: { 'idempotency-key': 'msg-1' } });
    const again = await invoke(message, { as: 'buyer2', params, body: { text: '第 1 条' }, headers: { 'idempotency-key': 'msg-1' } });
    expect([first.status, again.status]).toEqual([200, 200]);
    const rest = [];
    for (let i = 2; i <= 4; i++) rest.push(await invoke(message, { as: 'buyer2', params, body: { text: `第 ${i} 条` } }));
    expect(rest.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(rest[2].body.code).toBe('THROTTLED');
    expect(Number(rest[2].headers['retry-after'])).toBeGreaterThan(0);
    const read = await invoke(get, { as: 'buyer2', params });
    const texts = read.body.timeline.filter((e: { action: string }) => e.action === 'message').map((e: { data: { text: string } }) => e.data.text);
    expect(texts).toEqual(['第 1 条', '第 2 条', '第 3 条']);
    expect(read.body.version).toBe(order.version + 3);
  });

  it('refuses a party’s upload grants beyond the limit, on any order, and writes nothing of a refused one', async () => {
    const { handler: grant } = await import('../../functions/attachments/grant');
    const { readItem } = await import('../support/db');
    const { keys } = await import('../../lib/db/keys');
    const { orderIn } = await import('../support/orders');
    const [one, two] = [await orderIn('implementing', { provider: 'provider2' }), await orderIn('implementing', { provider: 'provider2' })];
    const body = { fileName: '报告.pdf', contentType: 'application/pdf', size: 10 };
    const answers = [];
    for (const order of [one, one, two, two]) answers.push(await invoke(grant, { as: 'provider2', params: { orderId: order.orderId }, body }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429]);
    expect(answers[3].body.code).toBe('THROTTLED');
    expect(Number(answers[3].headers['retry-after'])).toBeGreaterThan(0);
    expect(await readItem(keys.attachmentCounter(two.orderId))).toMatchObject({ count: 1 });
  });

  it('never shares a count between windows of different lengths that start together (every full hour)', async () => {
    const { takeRateLimit } = await import('../../lib/shared/rate-limit');
    const hour = new Date('2026-11-24T17:00:00.000Z');
    const user = `window-${Date.now()}`;
    await takeRateLimit({ name: 'messages', limit: 1, windowSeconds: 60 }, user, hour);
    await expect(takeRateLimit({ name: 'messages', limit: 1, windowSeconds: 3600 }, user, hour)).resolves.toBeUndefined();
    await expect(takeRateLimit({ name: 'messages', limit: 1, windowSeconds: 60 }, user, hour)).rejects.toMatchObject({ status: 429 });
  });
});

describe('per-provider rate limit on the signed POSTs a provider asks for (test pings and redeliveries)', () => {
  it('refuses a ping or a redelivery beyond the limit with 429 and Retry-After, and sends nothing more', async () => {
    Object.assign(config.rateLimits.webhookSends, { limit: 2, windowSeconds: 3600 });
    const { handler: putWebhook } = await import('../../functions/webhooks/put');
    const { handler: testWebhook } = await import('../../functions/webhooks/test');
    const { handler: redeliver } = await import('../../functions/webhooks/redeliver');
    const { startReceiver } = await import('../support/receiver');
    const receiver = await startReceiver();
    try {
      expect((await invoke(putWebhook, { as: 'limitedProvider', body: { url: receiver.url } })).status).toBe(200);
      receiver.answer(500);
      const failed = await invoke(testWebhook, { as: 'limitedProvider' });
      expect(failed.body).toMatchObject({ status: 'failed', responseCode: 500 });
      // the redelivery of that failed ping is the second send of the window
      const again = await invoke(redeliver, { as: 'limitedProvider', params: { deliveryId: failed.body.deliveryId } });
      expect(again.status).toBe(200);
      const refused = [await invoke(testWebhook, { as: 'limitedProvider' }), await invoke(redeliver, { as: 'limitedProvider', params: { deliveryId: failed.body.deliveryId } })];
      expect(refused.map((r) => r.status)).toEqual([429, 429]);
      for (const r of refused) {
        expect(r.body.code).toBe('THROTTLED');
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(3600);
      }
      expect(receiver.received).toHaveLength(2);
    } finally {
      receiver.close();
    }
  });
});
