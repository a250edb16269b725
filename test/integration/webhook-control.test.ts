import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketOpsHooks';
});

import { Webhook } from 'standardwebhooks';
import { handler as putWebhook } from '../../functions/webhooks/put';
import { handler as getWebhook } from '../../functions/webhooks/get';
import { handler as deleteWebhook } from '../../functions/webhooks/delete';
import { handler as testWebhook } from '../../functions/webhooks/test';
import { handler as redeliver } from '../../functions/webhooks/redeliver';
import { handler as deliveries } from '../../functions/webhooks/deliveries';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { webhookItem } from '../../lib/webhooks/items';
import { sealPlainSecrets } from '../../scripts/lib/seal-plain-secrets';
import { countCalls, countRoundTrips, readItem, MEMBERSHIP_READ } from '../support/db';
import { newId } from '../../lib/shared/ids';
import { invoke, user } from '../support/http';
import { orderIn } from '../support/orders';
import { must } from '../support/products';
import { assertWebhookDocumented } from '../support/openapi';
import { startReceiver } from '../support/receiver';
import { batchFor, runStream } from '../support/stream';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret: string;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  receiver.received.length = 0;
  receiver.answer();
  secret = must(await invoke(putWebhook, { as: 'provider', body: { url: receiver.url } }), 200).secret;
});

/** The signature checked as a Standard Webhooks library checks it, and the body against the API document's `webhooks`. */
const verify = (r: { headers: Record<string, unknown>; body: string }) => {
  assertWebhookDocumented(r.body, r.headers);
  return new Webhook(secret).verify(r.body, {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  }) as { type: string; data: Record<string, unknown> };
};

const deliveriesOf = async (orderId: string, query: Record<string, string> = {}) =>
  must(await invoke(deliveries, { as: 'provider', query: { limit: '100', ...query } }), 200).items.filter((d: any) => d.orderId === orderId);

describe('switching the endpoint off and removing it', () => {
  it('PUT with enabled: false keeps the endpoint but sends nothing for new events', async () => {
    const off = must(await invoke(putWebhook, { as: 'provider', body: { url: receiver.url, enabled: false } }), 200);
    expect(off).toMatchObject({ url: receiver.url, enabled: false, secret: expect.stringMatching(/^whsec_/) });
    expect(must(await invoke(getWebhook, { as: 'provider' }), 200)).toMatchObject({ enabled: false });
    const order = await orderIn('awaiting_start');
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    expect(receiver.received).toHaveLength(0);
    expect(await deliveriesOf(order.orderId)).toEqual([]);
    expect((await invoke(testWebhook, { as: 'provider' })).body.code).toBe('WEBHOOK_DISABLED');
  });

  it('DELETE removes the endpoint (204), keeps the delivery log, and a second DELETE answers 404', async () => {
    const order = await orderIn('awaiting_start');
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    const res = await invoke(deleteWebhook, { as: 'provider' });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await invoke(getWebhook, { as: 'provider' })).status).toBe(404);
    expect(await deliveriesOf(order.orderId)).toHaveLength(1);
    expect((await invoke(deleteWebhook, { as: 'provider' })).status).toBe(404);
    const later = await orderIn('awaiting_start');
    await runStream(await batchFor(keys.orderPartition(later.orderId)));
    expect(receiver.received.filter((r) => r.body.includes(later.orderId))).toHaveLength(0);
    expect((await invoke(testWebhook, { as: 'provider' })).status).toBe(404);
  });
});

describe('POST /provider/webhook/test', () => {
  it('sends a signed ping now and answers the delivery with the endpoint’s response code', async () => {
    const res = must(await invoke(testWebhook, { as: 'provider' }), 200);
    expect(res).toMatchObject({ eventType: 'ping', status: 'succeeded', responseCode: 200, orderId: null, attemptCount: 1 });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].headers['webhook-id']).toBe(res.webhookId);
    expect(verify(receiver.received[0])).toMatchObject({ id: res.deliveryId, type: 'ping', version: 1, data: { providerId: user('provider').id } });
  });

  it('reports a failing endpoint as failed with its code, and never retries a ping', async () => {
    receiver.answer(500);
    const res = must(await invoke(testWebhook, { as: 'provider' }), 200);
    expect(res).toMatchObject({ status: 'failed', responseCode: 500, nextAttemptAt: null });
    expect(await readItem(keys.delivery(res.deliveryId))).not.toHaveProperty('GSI4PK');
  });
});

describe('POST /provider/webhook/deliveries/{deliveryId}/redeliver', () => {
  it('sends a gone delivery again with the same webhook-id once the endpoint is enabled again', async () => {
    const order = await orderIn('awaiting_start');
    receiver.answer(410);
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    const [gone] = await deliveriesOf(order.orderId);
    expect(gone.status).toBe('gone');
    const params = { deliveryId: gone.deliveryId };
    // 410 disabled the endpoint: redelivery waits until the provider enables it
    expect((await invoke(redeliver, { as: 'provider', params })).body.code).toBe('WEBHOOK_DISABLED');
    secret = must(await invoke(putWebhook, { as: 'provider', body: { url: receiver.url } }), 200).secret;

    const again = must(await invoke(redeliver, { as: 'provider', params }), 200);
    expect(again).toMatchObject({ deliveryId: gone.deliveryId, webhookId: gone.webhookId, status: 'succeeded', responseCode: 200 });
    expect(again.attempts.map((a: any) => a.statusCode)).toEqual([410, 200]);
    const sent = receiver.received.filter((r) => r.body.includes(order.orderId));
    expect(sent.map((r) => r.headers['webhook-id'])).toEqual([gone.webhookId, gone.webhookId]);
    expect(verify(sent[1]).type).toBe('order.created');
    // a succeeded delivery is not sent again
    const twice = await invoke(redeliver, { as: 'provider', params });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'DELIVERY_NOT_FAILED', currentStatus: 'succeeded' });
  });

  it('answers 404 for another provider’s delivery or an absent one, and changes nothing', async () => {
    const order = await orderIn('awaiting_start');
    receiver.answer(410);
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    const [gone] = await deliveriesOf(order.orderId);
    must(await invoke(putWebhook, { as: 'provider2', body: { url: receiver.url } }), 200);
    const before = await readItem(keys.delivery(gone.deliveryId));
    expect((await invoke(redeliver, { as: 'provider2', params: { deliveryId: gone.deliveryId } })).status).toBe(404);
    expect((await invoke(redeliver, { as: 'provider2', params: { deliveryId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } })).status).toBe(404);
    expect((await invoke(redeliver, { as: 'buyer', params: { deliveryId: gone.deliveryId } })).status).toBe(403);
    expect(await readItem(keys.delivery(gone.deliveryId))).toEqual(before);
  });
});

describe('GET /provider/webhook/deliveries?status=', () => {
  it('lists only deliveries in that status, with one Query', async () => {
    receiver.answer(500);
    const failed = must(await invoke(testWebhook, { as: 'provider' }), 200);
    const ok = must(await invoke(testWebhook, { as: 'provider' }), 200);
    for (const status of ['failed', 'succeeded', 'pending', 'gone']) {
      const { result, roundTrips } = await countRoundTrips(async () =>
        must(await invoke(deliveries, { as: 'provider', query: { status, limit: '100' } }), 200),
      );
      expect(roundTrips).toBe(MEMBERSHIP_READ + 1);
      expect(result.items.every((d: any) => d.status === status), status).toBe(true);
      if (status === 'failed') expect(result.items.map((d: any) => d.deliveryId)).toContain(failed.deliveryId);
      if (status === 'succeeded') expect(result.items.map((d: any) => d.deliveryId)).toContain(ok.deliveryId);
    }
    expect((await invoke(deliveries, { as: 'provider', query: { status: 'lost' } })).status).toBe(400);
  });
});

describe('Idempotency-Key on webhook control', () => {
  /** The retry of a keyed call: the first answer again, marked replayed, with no write and nothing sent. */
  const retried = async (call: () => ReturnType<typeof invoke>, status: number) => {
    const first = await call();
    expect(first.status).toBe(status);
    const sent = receiver.received.length;
    const retry = await countCalls(call);
    expect(retry.result.status).toBe(status);
    expect(retry.result.headers['idempotent-replayed']).toBe('true');
    expect(retry.result.body).toEqual(first.body);
    expect(retry.writes).toBe(0);
    expect(receiver.received.length).toBe(sent);
    return first.body;
  };

  it('replays a test ping, a redelivery and a removal without sending or writing again', async () => {
    const pingKey = { 'idempotency-key': newId() };
    const ping = await retried(() => invoke(testWebhook, { as: 'provider', headers: pingKey }), 200);
    expect(receiver.received.filter((r) => r.headers['webhook-id'] === ping.webhookId)).toHaveLength(1);

    const order = await orderIn('awaiting_start');
    receiver.answer(410);
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    const [gone] = await deliveriesOf(order.orderId);
    receiver.answer();
    secret = must(await invoke(putWebhook, { as: 'provider', body: { url: receiver.url } }), 200).secret;
    const params = { deliveryId: gone.deliveryId };
    const again = await retried(() => invoke(redeliver, { as: 'provider', params, headers: { 'idempotency-key': `redeliver-${gone.deliveryId}` } }), 200);
    expect(again.status).toBe('succeeded');

    await retried(() => invoke(deleteWebhook, { as: 'provider', headers: { 'idempotency-key': `delete-${gone.deliveryId}` } }), 204);
    expect((await invoke(deleteWebhook, { as: 'provider' })).status).toBe(404);
  });
});

describe('the signing secret at rest', () => {
  const webhookKey = () => keys.webhook(user('provider').id);

  it('is stored sealed: the item holds no plain secret, and signed deliveries still verify with the Standard Webhooks library', async () => {
    const stored = (await readItem(webhookKey()))!;
    expect(stored).not.toHaveProperty('secret');
    expect(stored.sealedSecret).toMatch(/^local:v1:/);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice('whsec_'.length));
    expect(text).not.toContain('whsec_');
    const res = must(await invoke(testWebhook, { as: 'provider' }), 200);
    expect(res.status).toBe('succeeded');
    expect(verify(receiver.received[0])).toMatchObject({ type: 'ping' });
  });

  it('answers a retried PUT with the same secret, which its recorded answer also holds only sealed', async () => {
    const headers = { 'idempotency-key': `rotate-${Date.now()}` };
    const first = must(await invoke(putWebhook, { as: 'provider', body: { url: receiver.url }, headers }), 200);
    const again = await invoke(putWebhook, { as: 'provider', body: { url: receiver.url }, headers });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first);
    const record = JSON.stringify(await readItem(keys.idempotency(user('provider').id, `put-webhook@${user('provider').id}`, headers['idempotency-key'])));
    expect(record).toContain('local:v1:');
    expect(record).not.toContain(first.secret);
    secret = first.secret;
    must(await invoke(testWebhook, { as: 'provider' }), 200);
    expect(verify(receiver.received[0])).toMatchObject({ type: 'ping' });
  });

  it('still signs with a plain secret stored before secrets were sealed, until the endpoint is registered again', async () => {
    const legacy = `whsec_${Buffer.from('a secret stored in plain text').toString('base64')}`;
    const at = new Date().toISOString();
    await ddb.send(
      new PutCommand({ TableName: tableName, Item: webhookItem.item({ providerId: user('provider').id, url: receiver.url, secret: legacy, enabled: true, createdAt: at, updatedAt: at }) }),
    );
    secret = legacy;
    must(await invoke(testWebhook, { as: 'provider' }), 200);
    expect(verify(receiver.received[0])).toMatchObject({ type: 'ping' });
    const rotated = must(await invoke(putWebhook, { as: 'provider', body: { url: receiver.url } }), 200);
    expect(rotated.secret).not.toBe(legacy);
    expect(JSON.stringify(await readItem(webhookKey()))).not.toContain('whsec_');
  });

  it('seals the plain secrets stored before, in place (npm run secrets:seal), and they still sign', async () => {
    const legacy = `whsec_${Buffer.from('another secret stored in plain text').toString('base64')}`;
    const at = new Date().toISOString();
    const providerId = user('provider2').id;
    await ddb.send(new PutCommand({ TableName: tableName, Item: webhookItem.item({ providerId, url: receiver.url, secret: legacy, enabled: true, createdAt: at, updatedAt: at }) }));
    const counts = await sealPlainSecrets();
    expect(counts.sealed).toBeGreaterThanOrEqual(1);
    const stored = (await readItem(keys.webhook(providerId)))!;
    expect(stored).not.toHaveProperty('secret');
    expect(JSON.stringify(stored)).not.toContain('whsec_');
    expect(stored).toMatchObject({ url: receiver.url, enabled: true, updatedAt: at });
    expect(await sealPlainSecrets()).toEqual({ sealed: 0, skipped: 0 });
    secret = legacy;
    must(await invoke(testWebhook, { as: 'provider2' }), 200);
    expect(verify(receiver.received[0])).toMatchObject({ type: 'ping', data: { providerId } });
  });
});
