import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketWebhooks';
});

import { Webhook } from 'standardwebhooks';
import { handler as putWebhook } from '../../functions/webhooks/put';
import { handler as getWebhook } from '../../functions/webhooks/get';
import { handler as deliveries } from '../../functions/webhooks/deliveries';
import { handler as webhookRetriesHandler } from '../../functions/jobs/webhook-retries';
import { keys } from '../../lib/db/keys';
import { checkWebhookUrl, isAllowedAddress } from '../../lib/webhooks/address';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { handler as inbox } from '../../functions/notifications/list';
import { ddb } from '../../lib/db/client';
import { FIRST_ATTEMPT_TIMEOUT_MS, RETRY_DELAYS_MS, runWebhookRetries as runRetries } from '../../lib/webhooks/dispatch';
import { asFunction } from '../support/dynamodb-calls';
import { invoke, user } from '../support/http';
import { clearDueIndex } from '../support/isolated-table';
import { orderIn } from '../support/orders';
import { must } from '../support/products';
import { assertWebhookDocumented } from '../support/openapi';
import { startReceiver } from '../support/receiver';
import { batchFor, runStream } from '../support/stream';

// the job's runs are the webhookRetries function's DynamoDB calls
const webhookRetries: typeof webhookRetriesHandler = (event) => asFunction(webhookRetriesHandler, () => webhookRetriesHandler(event));
const runWebhookRetries: typeof runRetries = (...args) => asFunction(webhookRetriesHandler, () => runRetries(...args));

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret: string;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  await clearDueIndex();
  receiver.received.length = 0;
  receiver.answer();
  secret = must(await invoke(putWebhook, { as: 'provider', body: { url: receiver.url } }), 200).secret;
});

/** The signature checked as a Standard Webhooks library checks it, and the body against the API document's `webhooks`. */
const verify = (r: { headers: Record<string, unknown>; body: string }, key = secret) => {
  assertWebhookDocumented(r.body, r.headers);
  return new Webhook(key).verify(r.body, {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  }) as { id: string; type: string; occurredAt: string; data: { orderId: string; action: string } };
};

const deliveriesOf = async (orderId: string) =>
  must(await invoke(deliveries, { as: 'provider', query: { limit: '100' } }), 200).items.filter((d: any) => d.orderId === orderId);

describe('registering an endpoint', () => {
  it('returns a Standard Webhooks secret once; setting it again rotates it; GET never shows it', async () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const again = must(await invoke(putWebhook, { as: 'provider', body: { url: receiver.url } }), 200);
    expect(again.secret).not.toBe(secret);
    const shown = must(await invoke(getWebhook, { as: 'provider' }), 200);
    expect(shown).toMatchObject({ url: receiver.url, enabled: true });
    expect(JSON.stringify(shown)).not.toContain('whsec_');
  });

  it('refuses URLs that resolve to private, loopback or link-local addresses, and plain http', async () => {
    for (const url of ['https://10.1.2.3/x', 'https://169.254.169.254/latest', 'https://192.168.1.1/', 'https://[fe80::1]/', 'http://93.184.216.34/hook', 'ftp://93.184.216.34/', 'not a url']) {
      const res = await invoke(putWebhook, { as: 'provider2', body: { url } });
      expect(res.status, url).toBe(400);
      expect(res.body.errors[0].path).toBe('url');
    }
    expect((await invoke(putWebhook, { as: 'provider2', body: { url: 'https://93.184.216.34/hook' } })).status).toBe(200);
  });

  it('refuses loopback outside the local stage', async () => {
    await expect(checkWebhookUrl('http://127.0.0.1:9/x', false)).rejects.toThrow(/private|loopback/);
    await expect(checkWebhookUrl('https://[::1]/x', false)).rejects.toThrow();
    await expect(checkWebhookUrl('https://[::ffff:10.0.0.1]/x', false)).rejects.toThrow();
    expect(isAllowedAddress('8.8.8.8', false)).toBe(true);
    expect(isAllowedAddress('127.0.0.1', true)).toBe(true);
  });

  it('is for providers only', async () => {
    expect((await invoke(putWebhook, { as: 'buyer', body: { url: receiver.url } })).status).toBe(403);
    expect((await invoke(getWebhook, {})).status).toBe(401);
    expect((await invoke(getWebhook, { as: 'provider2' })).status).toBe(200);
  });
});

describe('delivering order events', () => {
  it('POSTs every order event signed per Standard Webhooks, once per event however often the batch is replayed', async () => {
    const order = await orderIn('implementing');
    const batch = await batchFor(keys.orderPartition(order.orderId));
    await runStream(batch);
    await runStream(batch);
    const mine = receiver.received.filter((r) => r.body.includes(order.orderId));
    // each event is its own invocation: they may arrive in any order, and say when they happened
    const events = mine.map((r) => verify(r)).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    expect(events.map((e) => [e.type, e.data.action])).toEqual([
      ['order.created', 'create'],
      ['order.requirements_submitted', 'submit-requirements'],
      ['order.status_changed', 'start'],
    ]);
    expect(new Set(mine.map((r) => r.headers['webhook-id'])).size).toBe(3);
    for (const r of mine) expect(r.headers['webhook-id']).toBe(`msg_${verify(r).id}`);
    expect(() => verify(mine[0], 'whsec_' + Buffer.from('wrong key').toString('base64'))).toThrow();
    const log = await deliveriesOf(order.orderId);
    expect(log).toHaveLength(3);
    for (const d of log) expect(d).toMatchObject({ status: 'succeeded', attemptCount: 1, attempts: [expect.objectContaining({ statusCode: 200 })] });
  });

  it('retries a failure with growing delays, with the same webhook-id, and logs every attempt', async () => {
    const order = await orderIn('awaiting_start');
    receiver.answer(500, 503);
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    const [pending] = await deliveriesOf(order.orderId);
    expect(pending).toMatchObject({ status: 'pending', attemptCount: 1 });
    const first = Date.parse(pending.attempts[0].at);
    expect(Date.parse(pending.nextAttemptAt) - first).toBe(RETRY_DELAYS_MS[0]);

    expect((await runWebhookRetries(new Date(first + RETRY_DELAYS_MS[0] - 1))).due).toBe(0);
    await runWebhookRetries(new Date(first + RETRY_DELAYS_MS[0]));
    const retried = (await deliveriesOf(order.orderId))[0];
    expect(retried).toMatchObject({ status: 'pending', attemptCount: 2 });
    expect(Date.parse(retried.nextAttemptAt) - Date.parse(retried.attempts[1].at)).toBe(RETRY_DELAYS_MS[1]);

    const done = await webhookRetries({ time: new Date(Date.parse(retried.nextAttemptAt)).toISOString() });
    expect(done.succeeded).toBe(1);
    const log = (await deliveriesOf(order.orderId))[0];
    expect(log.attempts.map((a: any) => a.statusCode)).toEqual([500, 503, 200]);
    expect(log.status).toBe('succeeded');
    const sent = receiver.received.filter((r) => r.body.includes(order.orderId));
    expect(new Set(sent.map((r) => r.headers['webhook-id']))).toEqual(new Set([`msg_${log.deliveryId}`]));
    for (const r of sent) expect(verify(r).data.orderId).toBe(order.orderId);
  });

  it('leaves the first attempt to the retry job when the stream invocation is short of time', async () => {
    const order = await orderIn('awaiting_start');
    await runStream(await batchFor(keys.orderPartition(order.orderId)), 5_000);
    expect(receiver.received.filter((r) => r.body.includes(order.orderId))).toHaveLength(0);
    const [waiting] = await deliveriesOf(order.orderId);
    expect(waiting).toMatchObject({ status: 'pending', attemptCount: 0 });
    expect((await runWebhookRetries(new Date())).succeeded).toBeGreaterThanOrEqual(1);
    expect((await deliveriesOf(order.orderId))[0]).toMatchObject({ status: 'succeeded', attemptCount: 1 });
  });

  it('gives up after about a day of failures', async () => {
    const order = await orderIn('awaiting_start');
    receiver.answer(...Array(20).fill(500));
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    let clock = Date.now();
    for (const delay of RETRY_DELAYS_MS) {
      clock += delay;
      await runWebhookRetries(new Date(clock + 1000));
    }
    const [log] = await deliveriesOf(order.orderId);
    expect(log).toMatchObject({ status: 'failed', attemptCount: RETRY_DELAYS_MS.length + 1, nextAttemptAt: null });
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20 * 3600 * 1000);
    expect(total).toBeLessThan(36 * 3600 * 1000);
  });

  it('sends each retry once when the retry job runs twice at once', async () => {
    const order = await orderIn('awaiting_start');
    receiver.answer(500);
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    const at = new Date(Date.now() + RETRY_DELAYS_MS[0] + 1000);
    await Promise.all([runWebhookRetries(at), runWebhookRetries(at)]);
    expect(receiver.received.filter((r) => r.body.includes(order.orderId))).toHaveLength(2);
  });

  it('disables the endpoint when it answers 410 Gone, and sends nothing more', async () => {
    const order = await orderIn('awaiting_start');
    receiver.answer(410);
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    expect((await deliveriesOf(order.orderId))[0].status).toBe('gone');
    const endpoint = must(await invoke(getWebhook, { as: 'provider' }), 200);
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
    const later = await orderIn('awaiting_start');
    await runStream(await batchFor(keys.orderPartition(later.orderId)));
    expect(receiver.received.filter((r) => r.body.includes(later.orderId))).toHaveLength(0);
  });

  it('shows a provider only its own deliveries', async () => {
    const mine = await orderIn('awaiting_start');
    await runStream(await batchFor(keys.orderPartition(mine.orderId)));
    const other = must(await invoke(deliveries, { as: 'provider2' }), 200);
    expect(other.items.map((d: any) => d.orderId)).not.toContain(mine.orderId);
    expect((await invoke(deliveries, { as: 'buyer' })).status).toBe(403);
  });
});

describe('one provider’s endpoint hanging', () => {
  const until = async (done: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const notified = async (who: 'provider' | 'provider2', orderId: string) =>
    must(await invoke(inbox, { as: who, query: { limit: '100' } }), 200).items.some((n: any) => n.orderId === orderId);
  /** One batch with the hanging provider's events first, then the other provider's new order. */
  const twoProviders = async () => {
    const slow = await orderIn('implementing');
    const other = await orderIn('awaiting_start', { provider: 'provider2' });
    const batch = {
      Records: [...(await batchFor(keys.orderPartition(slow.orderId))).Records, ...(await batchFor(keys.orderPartition(other.orderId))).Records],
    };
    return { slow, other, batch };
  };
  /** How long after the batch starts the other provider's inbox shows its notification. */
  const arrival = async (batch: Parameters<typeof runStream>[0], orderId: string) => {
    const started = Date.now();
    const running = runStream(batch);
    await until(() => notified('provider2', orderId), 'the other provider’s notification');
    const ms = Date.now() - started;
    await running;
    return ms;
  };

  let hanging: Awaited<ReturnType<typeof startReceiver>>;
  let fast: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    hanging = await startReceiver();
    hanging.hang();
    fast = await startReceiver();
    must(await invoke(putWebhook, { as: 'provider', body: { url: hanging.url } }), 200);
    must(await invoke(putWebhook, { as: 'provider2', body: { url: fast.url } }), 200);
  });
  afterEach(async () => {
    await Promise.all([hanging.close(), fast.close()]);
    await ddb.send(new DeleteCommand({ TableName: 'MarketWebhooks', Key: keys.webhook(user('provider2').id) }));
  });

  it('writes every inbox notification of the batch while the endpoint hangs, and sends the other provider’s event meanwhile', async () => {
    const { slow, other, batch } = await twoProviders();
    const running = runStream(batch);
    await until(() => hanging.received.some((r) => r.body.includes(slow.orderId)), 'the hanging endpoint to be called');
    // the inbox consumer never waits for the webhook consumer: the notifications arrive while the endpoint hangs
    const heldFirst = hanging.received.find((r) => r.body.includes(slow.orderId))!;
    await until(async () => (await notified('provider2', other.orderId)) && (await notified('provider', slow.orderId)), 'the notifications', FIRST_ATTEMPT_TIMEOUT_MS);
    await running;
    const sentToOther = fast.received.find((r) => r.body.includes(other.orderId))!;
    expect(sentToOther.at).toBeLessThan(heldFirst.at + FIRST_ATTEMPT_TIMEOUT_MS);
    // each event's first attempt gave up after the short timeout; every delivery waits, due, for the retry job
    const slowLog = await deliveriesOf(slow.orderId);
    expect(slowLog.map((d: any) => [d.status, d.attemptCount])).toEqual([
      ['pending', 1],
      ['pending', 1],
      ['pending', 1],
    ]);
    for (const d of slowLog) expect(d.attempts[0].error).toContain(`${FIRST_ATTEMPT_TIMEOUT_MS} ms`);
    expect(hanging.received.filter((r) => r.body.includes(slow.orderId))).toHaveLength(3);
  });

  it('lets the other provider’s notification arrive as soon as with no webhook at all', async () => {
    await ddb.send(new DeleteCommand({ TableName: 'MarketWebhooks', Key: keys.webhook(user('provider').id) }));
    await ddb.send(new DeleteCommand({ TableName: 'MarketWebhooks', Key: keys.webhook(user('provider2').id) }));
    const quiet = await twoProviders();
    const withoutWebhooks = await arrival(quiet.batch, quiet.other.orderId);

    must(await invoke(putWebhook, { as: 'provider', body: { url: hanging.url } }), 200);
    must(await invoke(putWebhook, { as: 'provider2', body: { url: fast.url } }), 200);
    const busy = await twoProviders();
    const withHangingEndpoint = await arrival(busy.batch, busy.other.orderId);
    console.info(`other provider's notification: ${withoutWebhooks} ms without webhooks, ${withHangingEndpoint} ms with one endpoint hanging`);
    // The same order of time, with room for a loaded machine's noise: waiting for the hanging endpoint
    // would add its timeout once per event before the other provider's record (three here).
    expect(withHangingEndpoint).toBeLessThan(withoutWebhooks + 2 * FIRST_ATTEMPT_TIMEOUT_MS);
  });
});
