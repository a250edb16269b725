import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketSaas';
});

import { randomBytes } from 'node:crypto';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as saasConsumerHandler } from '../../functions/events/saas-orders';
import { handler as saasJobHandler } from '../../functions/jobs/saas-orders';
import { handler as dashboardConsumer } from '../../functions/events/dashboard';
import { handler as dashboard } from '../../functions/dashboard/get';
import { handler as exportOrders } from '../../functions/orders/export';
import { handler as buy } from '../../functions/orders/create';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as renew } from '../../functions/orders/renew';
import { handler as changePlan } from '../../functions/orders/change-plan';
import { handler as refund } from '../../functions/orders/refund';
import { handler as resend } from '../../functions/saas/resend';
import { config } from '../../lib/config';
import { dayOf } from '../../lib/dashboard/model';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { invocationOf } from '../../lib/events/local-bus';
import { eventOfTimelineEntry } from '../../lib/events/from-timeline';
import { runSaasOrders as runJob, type SaasRun } from '../../lib/orders/saas-job';
import { sendSaasCall } from '../../lib/orders/saas-sender';
import { putSaasEndpoint, sealToken } from '../../lib/saas/repository';
import { newId } from '../../lib/shared/ids';
import { startSaasEndpoint, type SaasEndpoint } from '../../scripts/lib/saas-endpoint';
import { readItem, readPartition } from '../support/db';
import { asFunction } from '../support/dynamodb-calls';
import { invoke, lambdaContext, user } from '../support/http';
import { must, productIn } from '../support/products';
import type { TestUser } from '../support/global-setup';

const DAY = 24 * 3600 * 1000;
const rules = config.orders;
// the job's runs and the consumer's invocations are those functions' DynamoDB calls
const runSaasOrders = (now: Date): Promise<SaasRun> => asFunction(saasJobHandler, () => runJob(now, rules, sendSaasCall));
const consume = async (orderId: string) => {
  const entries = (await readPartition(keys.orderPartition(orderId))).filter((i) => i.type === 'timeline');
  const event = eventOfTimelineEntry(entries.at(-1)!);
  return asFunction(saasConsumerHandler, () =>
    saasConsumerHandler(invocationOf({ Source: 'marketplace.orders', DetailType: event.type, Detail: JSON.stringify(event) }), lambdaContext()),
  );
};

/** The SaaS orders of this file leave the due index between tests, so each job run sees only its test's orders. */
const clearSaasDue = async () => {
  for (const shard of keys.saasDueShards()) {
    const out = await ddb.send(new QueryCommand({ TableName: tableName, IndexName: 'GSI4', KeyConditionExpression: 'GSI4PK = :pk', ExpressionAttributeValues: { ':pk': shard } }));
    for (const item of out.Items ?? []) {
      await ddb.send(new UpdateCommand({ TableName: tableName, Key: { PK: item.PK, SK: item.SK }, UpdateExpression: 'REMOVE GSI4PK, GSI4SK' }));
    }
  }
};

const endpoints: Partial<Record<TestUser, SaasEndpoint>> = {};

/** The provider's saved SaaS endpoint (what PUT /provider/saas-endpoint stores once verified), every action passed. */
const saveEndpoint = async (owner: TestUser, endpoint: SaasEndpoint, token: string) => {
  const providerId = user(owner).id;
  const at = new Date().toISOString();
  const passed = Object.fromEntries(['createInstance', 'renewInstance', 'modifyInstance', 'expireInstance', 'destroyInstance'].map((a) => [a, at]));
  await putSaasEndpoint({ providerId, url: endpoint.url, sealedToken: await sealToken(providerId, token), revision: newId(), passed, verifiedAt: at, createdAt: at, updatedAt: at });
};

const SAAS_CONTENT = {
  name: '云监控',
  serviceType: 'saas',
  delivery: 'saas',
  plans: [
    { planId: 'std', name: '标准版', duration: 1, unit: 'month', listPrice: 12_000, price: 9_900 },
    { planId: 'pro', name: '专业版', duration: 1, unit: 'month', listPrice: 32_000, price: 29_900 },
    { planId: 'year', name: '年付', duration: 1, unit: 'year', listPrice: 99_000, price: 89_000 },
  ],
  requirementsTemplate: [{ key: 'company', label: '公司名称', type: 'text', required: true }],
  requirementsBeforeStart: false,
};

const products = new Map<TestUser, Promise<{ productId: string }>>();
const saasProduct = (owner: TestUser = 'provider') => {
  if (!products.has(owner)) products.set(owner, productIn('listed', owner, SAAS_CONTENT));
  return products.get(owner)!;
};

/** A buyer's SaaS purchase (the order answered by POST /orders). */
const purchase = async (owner: TestUser = 'provider', buyer: TestUser = 'buyer') => {
  const { productId } = await saasProduct(owner);
  return must(await invoke(buy, { as: buyer, body: { productId, planId: 'std', quantity: 1, answers: { company: '示例公司' } } }), 201);
};
const view = async (orderId: string, as: TestUser = 'buyer') => must(await invoke(getOrder, { as, params: { orderId } }), 200);
const callsOf = (endpoint: SaasEndpoint, orderId: string) => endpoint.seen.filter((s) => s.body.orderId === orderId);

beforeAll(async () => {
  for (const owner of ['provider', 'provider2'] as const) {
    const token = `tok-${randomBytes(12).toString('hex')}`;
    endpoints[owner] = await startSaasEndpoint({ token });
    await saveEndpoint(owner, endpoints[owner]!, token);
  }
});
afterAll(async () => {
  for (const e of Object.values(endpoints)) await e?.close();
});
beforeEach(async () => {
  for (const e of Object.values(endpoints)) e?.reset();
  await clearSaasDue();
});

describe('SaaS orders', () => {
  it('starts provisioning on purchase and is active with the instance once createInstance answers a signId', async () => {
    const endpoint = endpoints.provider!;
    const order = await purchase();
    expect(order).toMatchObject({ status: 'provisioning', labels: { buyer: '开通中', provider: '开通中' }, instance: null });

    expect(await consume(order.orderId)).toMatchObject({ sent: 1, provisioned: 1 });
    const [call] = callsOf(endpoint, order.orderId);
    // the provider's own check of the signature accepted it (answered 200), with the protocol's fields
    expect(call).toMatchObject({ action: 'createInstance', answered: 200 });
    expect(call.body).toMatchObject({
      orderId: order.orderId,
      accountId: user('buyer').id,
      productId: order.productId,
      productInfo: { productName: '云监控', spec: '标准版', timeSpan: 1, timeUnit: 'month', isTrial: false },
      userCollectionInfo: { company: '示例公司' },
    });

    const active = await view(order.orderId);
    expect(active).toMatchObject({ status: 'active', labels: { buyer: '已开通', provider: '已开通' } });
    expect(active.instance).toMatchObject({ signId: expect.stringMatching(/^sign-/), website: expect.stringMatching(/^https:/), authUrl: expect.any(String) });
    // counted from payment by the plan
    const expected = new Date(order.createdAt);
    expected.setUTCMonth(expected.getUTCMonth() + 1);
    expect(active.instance.expiresAt).toBe(expected.toISOString());
    const provision = active.timeline.at(-1);
    expect(provision).toMatchObject({ action: 'provision', actor: 'system', from: 'provisioning', to: 'active' });
    expect(provision.data).toMatchObject({ action: 'createInstance', eventId: call.eventId, status: 200, ok: true, signId: active.instance.signId });
    expect(provision.data.latencyMs).toBeGreaterThanOrEqual(0);
    expect(active.actions.map((a: { action: string }) => a.action).sort()).toEqual(['change-plan', 'refund', 'renew']);

    // the provider reads the same order, with the call on its timeline, and may take none of the buyer's commands
    const asProvider = await view(order.orderId, 'provider');
    expect(asProvider.timeline.at(-1).data.signId).toBe(active.instance.signId);
    expect(asProvider.actions).toEqual([]);
    expect(await readItem(keys.order(order.orderId))).toMatchObject({ GSI4PK: expect.stringMatching(/^SAASDUE#/) });
  });

  it('provisions asynchronously: "0", then a failure, then a real signId, with the same eventId and a backoff', async () => {
    const endpoint = endpoints.provider!;
    endpoint.plan('createInstance', 'pending', 'fail');
    const order = await purchase();
    expect(await consume(order.orderId)).toMatchObject({ sent: 1, provisioned: 0 });
    const t = Date.now();
    // not due again before its backoff
    expect((await runSaasOrders(new Date(t + 1_000))).sent).toBe(0);
    expect(await runSaasOrders(new Date(t + 31_000))).toMatchObject({ sent: 1, failed: 1 });
    expect(await runSaasOrders(new Date(t + 120_000))).toMatchObject({ sent: 1, provisioned: 1 });
    const calls = callsOf(endpoint, order.orderId);
    expect(calls.map((c) => c.answered)).toEqual([200, 500, 200]);
    expect(new Set(calls.map((c) => c.eventId)).size).toBe(1);
    const after = await view(order.orderId);
    expect(after.status).toBe('active');
    expect(after.timeline.map((e: any) => [e.action, e.data.signId ?? e.data.status])).toEqual([
      ['create', undefined],
      ['saas-call', '0'],
      ['saas-call', 500],
      ['provision', after.instance.signId],
    ]);
    expect(after.timeline.slice(1).map((e: any) => e.data.attempt)).toEqual([0, 1, 2]);
  });

  it('provisions the order when the provider resends its failed createInstance (重新发送), as the retry would', async () => {
    const endpoint = endpoints.provider!;
    endpoint.plan('createInstance', 'fail');
    const order = await purchase();
    expect(await consume(order.orderId)).toMatchObject({ sent: 1, failed: 1 });
    const [failed] = callsOf(endpoint, order.orderId);
    expect((await view(order.orderId)).status).toBe('provisioning');

    const resent = must(await invoke(resend, { as: 'provider', method: 'POST', params: { callId: failed.eventId } }), 200);
    expect(resent).toMatchObject({ callId: failed.eventId, status: 'succeeded' });
    const active = await view(order.orderId);
    expect(active).toMatchObject({ status: 'active', labels: { buyer: '已开通' } });
    expect(active.instance).toMatchObject({ signId: expect.stringMatching(/^sign-/), website: expect.stringMatching(/^https:/) });
    expect(active.timeline.map((e: any) => e.action)).toEqual(['create', 'saas-call', 'provision']);
    expect(active.timeline.at(-1).data).toMatchObject({ action: 'createInstance', eventId: failed.eventId, ok: true, attempt: 1, signId: active.instance.signId });
    // the call is no longer queued: the job's retry sends nothing, and a second resend is refused
    expect((await runSaasOrders(new Date(Date.now() + 3600_000))).sent).toBe(0);
    expect((await invoke(resend, { as: 'provider', method: 'POST', params: { callId: failed.eventId } })).status).toBe(409);
    expect(callsOf(endpoint, order.orderId).map((c) => c.answered)).toEqual([500, 200]);
    // another organisation's member resends nothing of it
    expect((await invoke(resend, { as: 'provider2', method: 'POST', params: { callId: failed.eventId } })).status).toBe(404);
  });

  it('takes a resent expireInstance off the order’s queue: the job does not send it again', async () => {
    const endpoint = endpoints.provider!;
    const order = await purchase();
    await consume(order.orderId);
    const { instance } = await view(order.orderId);
    const expiry = Date.parse(instance.expiresAt);
    endpoint.plan('expireInstance', 'fail');
    expect(await runSaasOrders(new Date(expiry))).toMatchObject({ expired: 1, failed: 1 });
    const expire = callsOf(endpoint, order.orderId).find((c) => c.action === 'expireInstance')!;
    must(await invoke(resend, { as: 'provider', method: 'POST', params: { callId: expire.eventId } }), 200);
    const after = await view(order.orderId);
    expect(after.status).toBe('expired');
    expect(after.timeline.at(-1)).toMatchObject({ action: 'saas-call', data: { action: 'expireInstance', eventId: expire.eventId, ok: true } });
    expect((await runSaasOrders(new Date(expiry + 3600_000))).sent).toBe(0);
    expect(callsOf(endpoint, order.orderId).map((c) => [c.action, c.answered])).toEqual([
      ['createInstance', 200],
      ['expireInstance', 500],
      ['expireInstance', 200],
    ]);
  });

  it('cancels with a refund and sends destroyInstance when nothing but "0" or failures came back for 24 hours', async () => {
    const endpoint = endpoints.provider!;
    endpoint.plan('createInstance', 'pending', 'fail', 'pending');
    const order = await purchase();
    const t = Date.parse(order.createdAt);
    await consume(order.orderId);
    await runSaasOrders(new Date(t + 60_000));
    await runSaasOrders(new Date(t + 3 * 3600_000));
    const run = await runSaasOrders(new Date(t + DAY));
    expect(run).toMatchObject({ gaveUp: 1 });
    const after = await view(order.orderId);
    expect(after).toMatchObject({ status: 'cancelled', refund: { amount: order.amount }, instance: null });
    expect(callsOf(endpoint, order.orderId).map((c) => c.action)).toEqual(['createInstance', 'createInstance', 'createInstance', 'destroyInstance']);
    expect(after.timeline.map((e: any) => e.action).slice(-2)).toEqual(['auto-cancel', 'saas-call']);
    expect(after.timeline.at(-1).data).toMatchObject({ action: 'destroyInstance', ok: true, status: 200 });
    // nothing left to do: out of the due index
    expect((await readItem(keys.order(order.orderId)))?.GSI4PK).toBeUndefined();
  });

  it('expires at expiresAt and destroys 7 days later, each call once per event when the job runs twice or twice at once', async () => {
    const endpoint = endpoints.provider!;
    const order = await purchase();
    await consume(order.orderId);
    const { instance } = await view(order.orderId);
    const expiry = Date.parse(instance.expiresAt);

    expect((await runSaasOrders(new Date(expiry - 1))).expired).toBe(0);
    const [a, b] = await Promise.all([runSaasOrders(new Date(expiry)), runSaasOrders(new Date(expiry))]);
    expect(a.expired + b.expired).toBe(1);
    expect((await runSaasOrders(new Date(expiry + 1000))).sent).toBe(0);
    const expired = await view(order.orderId);
    expect(expired).toMatchObject({ status: 'expired', labels: { buyer: '已过期' } });

    const destroyAt = new Date(expiry + 7 * DAY);
    const [c, d] = await Promise.all([runSaasOrders(destroyAt), runSaasOrders(destroyAt)]);
    expect(c.destroyed + d.destroyed).toBe(1);
    await runSaasOrders(destroyAt);
    const destroyed = await view(order.orderId);
    expect(destroyed).toMatchObject({ status: 'destroyed', labels: { buyer: '已销毁', provider: '已销毁' } });
    const calls = callsOf(endpoint, order.orderId);
    expect(calls.map((s) => s.action)).toEqual(['createInstance', 'expireInstance', 'destroyInstance']);
    expect(calls.slice(1).map((s) => s.body.signId)).toEqual([instance.signId, instance.signId]);
    expect(destroyed.timeline.map((e: any) => e.action).slice(1)).toEqual(['provision', 'expire', 'saas-call', 'destroy', 'saas-call']);
  });

  it('renews across expiry: back to active, expiresAt extended, renewInstance sent once', async () => {
    const endpoint = endpoints.provider!;
    const order = await purchase();
    await consume(order.orderId);
    const { instance } = await view(order.orderId);
    const expiry = Date.parse(instance.expiresAt);
    await runSaasOrders(new Date(expiry));
    const params = { orderId: order.orderId };
    const renewed = must(await invoke(renew, { as: 'buyer', params, body: { periods: 2 }, headers: { 'idempotency-key': 'renew-1' } }), 200);
    expect(renewed).toMatchObject({ status: 'active', amount: order.amount * 3 });
    expect(Date.parse(renewed.instance.expiresAt)).toBeGreaterThan(Date.now() + 58 * DAY);
    // the same key replays, it renews nothing twice
    const again = must(await invoke(renew, { as: 'buyer', params, body: { periods: 2 }, headers: { 'idempotency-key': 'renew-1' } }), 200);
    expect(again.instance.expiresAt).toBe(renewed.instance.expiresAt);
    await consume(order.orderId);
    await consume(order.orderId);
    const calls = callsOf(endpoint, order.orderId).map((c) => [c.action, c.body.instanceExpireTime]);
    expect(calls).toEqual([
      ['createInstance', undefined],
      ['expireInstance', undefined],
      ['renewInstance', renewed.instance.expiresAt],
    ]);
    // the old expiry no longer expires it
    expect((await runSaasOrders(new Date(expiry + 7 * DAY))).destroyed).toBe(0);
    expect((await view(order.orderId)).status).toBe('active');
  });

  it('changes the plan with modifyInstance; refuses another unit, the same plan, and another buyer', async () => {
    const endpoint = endpoints.provider!;
    const order = await purchase();
    await consume(order.orderId);
    const params = { orderId: order.orderId };
    expect((await invoke(changePlan, { as: 'buyer2', params, body: { planId: 'pro' } })).status).toBe(404);
    expect((await invoke(changePlan, { as: 'provider', params, body: { planId: 'pro' } })).status).toBe(404);
    const otherUnit = await invoke(changePlan, { as: 'buyer', params, body: { planId: 'year' } });
    expect(otherUnit.status).toBe(400);
    expect(otherUnit.body.errors).toEqual([expect.objectContaining({ path: 'planId' })]);
    expect((await invoke(changePlan, { as: 'buyer', params, body: { planId: 'std' } })).body).toMatchObject({ status: 409, code: 'SAME_PLAN' });
    const changed = must(await invoke(changePlan, { as: 'buyer', params, body: { planId: 'pro' } }), 200);
    expect(changed).toMatchObject({ status: 'active', planId: 'pro', product: { plan: { planId: 'pro', name: '专业版' } } });
    await consume(order.orderId);
    const modify = callsOf(endpoint, order.orderId).find((c) => c.action === 'modifyInstance');
    expect(modify?.body).toMatchObject({ spec: '专业版', timeSpan: 1, timeUnit: 'month', signId: changed.instance.signId, instanceExpireTime: changed.instance.expiresAt });
  });

  it('settles the plan change: an upgrade pays the difference for the time left, a downgrade refunds it; both parties read it on the record', async () => {
    const order = await purchase();
    await consume(order.orderId);
    const params = { orderId: order.orderId };
    const { instance, actions } = await view(order.orderId);
    // the order quotes what each plan would settle now, beside the action (plans of another unit are not offered)
    expect(actions.find((a: { action: string }) => a.action === 'change-plan')).toEqual({ action: 'change-plan', allowed: true, quotes: [{ planId: 'pro', difference: 20_000 }] });
    // bought a moment ago: nearly the whole month is left, (29,900 − 9,900) × (1 − a few seconds of a month) → 20,000 fen
    const up = must(await invoke(changePlan, { as: 'buyer', params, body: { planId: 'pro' }, headers: { 'idempotency-key': 'up-1' } }), 200);
    expect(up).toMatchObject({ planId: 'pro', amount: 9_900 + 20_000, product: { unitPrice: 29_900 }, instance: { expiresAt: instance.expiresAt } });
    const upEntry = up.timeline.at(-1);
    expect(upEntry).toMatchObject({ action: 'change-plan', from: 'active', to: 'active' });
    expect(upEntry.data).toEqual({
      planId: 'pro',
      planName: '专业版',
      unitPrice: 29_900,
      fromPlanId: 'std',
      fromPlanName: '标准版',
      fromUnitPrice: 9_900,
      until: instance.expiresAt,
      difference: 20_000,
      amount: 29_900,
    });
    // the same key replays: the difference is paid once
    const again = must(await invoke(changePlan, { as: 'buyer', params, body: { planId: 'pro' }, headers: { 'idempotency-key': 'up-1' } }), 200);
    expect(again.amount).toBe(29_900);
    // the provider's export: the plan now, and the amount paid in all
    const csv = must(await invoke(exportOrders, { as: 'provider', query: { createdFrom: order.createdAt } }), 200) as unknown as string;
    const line = csv.split('\r\n').find((l) => l.startsWith(order.orderId));
    expect(line).toContain(',专业版,1,299.00,299.00,');
    const down = must(await invoke(changePlan, { as: 'buyer', params, body: { planId: 'std' } }), 200);
    expect(down.amount).toBe(9_900);
    expect(down.timeline.at(-1).data).toMatchObject({ fromPlanId: 'pro', planId: 'std', difference: -20_000, amount: 9_900 });
    // the provider reads the same settlement on its own view of the order
    const asProvider = await view(order.orderId, 'provider');
    expect(asProvider.amount).toBe(9_900);
    expect(asProvider.timeline.filter((e: any) => e.action === 'change-plan').map((e: any) => e.data.difference)).toEqual([20_000, -20_000]);
    // a refund afterwards gives back what was paid in all
    const refunded = must(await invoke(refund, { as: 'buyer', params, body: { reason: '不再需要' } }), 200);
    expect(refunded.refund).toMatchObject({ amount: 9_900 });

    // the provider's dashboard (this file's only order counted there): the purchase and the upgrade are revenue,
    // the downgrade's and the refund's money refunds, whatever the order its events are read beside
    const entries = (await readPartition(keys.orderPartition(order.orderId))).filter((i) => i.type === 'timeline');
    for (const e of entries) {
      const event = eventOfTimelineEntry(e);
      await dashboardConsumer(invocationOf({ Source: 'marketplace.orders', DetailType: event.type, Detail: JSON.stringify(event) }), lambdaContext());
    }
    const today = dayOf(new Date().toISOString());
    const board = must(await invoke(dashboard, { as: 'provider', query: { from: today, to: today } }), 200);
    expect(board.totals).toMatchObject({ orders: 1, revenue: 9_900 + 20_000, refunds: 20_000 + 9_900, cancelled: 1 });
  });

  it('refunds within 5 days of purchase: destroyInstance, then cancelled with the refund; later or twice is refused', async () => {
    const endpoint = endpoints.provider!;
    const order = await purchase();
    await consume(order.orderId);
    const params = { orderId: order.orderId };
    expect((await invoke(refund, { as: 'buyer', params, body: {} })).status).toBe(400);
    const refunded = must(await invoke(refund, { as: 'buyer', params, body: { reason: '不再需要' } }), 200);
    expect(refunded).toMatchObject({ status: 'cancelled', refund: { amount: order.amount } });
    expect((await invoke(refund, { as: 'buyer', params, body: { reason: 'again' } })).body).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    await consume(order.orderId);
    expect(callsOf(endpoint, order.orderId).map((c) => c.action)).toEqual(['createInstance', 'destroyInstance']);

    // past the period: refused, the order untouched
    const late = await purchase();
    await ddb.send(
      new UpdateCommand({ TableName: tableName, Key: keys.order(late.orderId), UpdateExpression: 'SET createdAt = :t', ExpressionAttributeValues: { ':t': new Date(Date.now() - 5 * DAY - 60_000).toISOString() } }),
    );
    const refused = await invoke(refund, { as: 'buyer', params: { orderId: late.orderId }, body: { reason: '太晚了' } });
    expect(refused.body).toMatchObject({ status: 409, code: 'REFUND_PERIOD_OVER' });
  });

  it('a slow provider endpoint delays no other provider’s calls', async () => {
    const slow = endpoints.provider!;
    const fast = endpoints.provider2!;
    slow.plan('createInstance', 'hang', 'hang', 'hang');
    const slowOrders = [await purchase('provider'), await purchase('provider'), await purchase('provider')];
    const fastOrders = [await purchase('provider2'), await purchase('provider2')];
    const started = Date.now();
    const job = runSaasOrders(new Date(started + 1000));
    // the fast provider's orders are active while the slow endpoint still holds its calls
    await vi.waitFor(
      async () => {
        for (const o of fastOrders) expect((await view(o.orderId)).status).toBe('active');
      },
      { timeout: 4_000, interval: 100 },
    );
    expect(slow.seen.filter((s) => s.answered === 0)).toHaveLength(3);
    const run = await job;
    expect(run).toMatchObject({ provisioned: 2, failed: 3 });
    for (const o of slowOrders) {
      const after = await view(o.orderId);
      expect(after.status).toBe('provisioning');
      expect(after.timeline.at(-1).data).toMatchObject({ action: 'createInstance', ok: false, status: 0 });
    }
    expect(fast.seen.map((s) => s.answered)).toEqual([200, 200]);
  });

  it('takes answers with the purchase for SaaS products only, checked against the form', async () => {
    const { productId } = await saasProduct();
    const missing = await invoke(buy, { as: 'buyer', body: { productId, planId: 'std' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'answers.company' })]);
  });
});
