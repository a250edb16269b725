import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { callSaas } from '../../lib/saas/call';
import { inChainsPerProvider } from '../../lib/outbound/chains';
import { getSaasCall, listSaasCalls, putSaasEndpoint, sealToken } from '../../lib/saas/repository';
import { newId } from '../../lib/shared/ids';
import { startSaasEndpoint, type SaasEndpoint } from '../../scripts/lib/saas-endpoint';

let endpoint: SaasEndpoint;
const token = `tok-${randomBytes(12).toString('hex')}`;

beforeAll(async () => {
  endpoint = await startSaasEndpoint({ token });
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

/** An organisation whose saved endpoint is `url` (what PUT /provider/saas-endpoint stores once verified). */
const organisationWith = async (url: string, withToken = token) => {
  const providerId = newId();
  const at = new Date().toISOString();
  await putSaasEndpoint({ providerId, url, sealedToken: await sealToken(providerId, withToken), revision: newId(), passed: {}, verifiedAt: at, createdAt: at, updatedAt: at });
  return providerId;
};

const createBody = (orderId: string) => ({
  orderId,
  accountId: 'buyer-1',
  openId: 'buyer-1',
  productId: 'product-1',
  resourceId: orderId,
  productInfo: { productName: '云监控', isTrial: false, spec: '标准版', timeSpan: 1, timeUnit: 'month' as const },
  userCollectionInfo: { company: '示例公司' },
});

describe('callSaas', () => {
  it('sends a signed call the endpoint’s own check accepts, and logs it with its answer and latency', async () => {
    const providerId = await organisationWith(endpoint.url);
    const eventId = newId();
    const r = await callSaas({ providerId, action: 'createInstance', body: createBody('order-1'), eventId });
    expect(r).toMatchObject({ ok: true, status: 200, signId: expect.stringMatching(/^sign-/), attempts: 1 });
    expect(r.created?.appInfo?.website).toMatch(/^https:\/\/app\.example\.com\//);
    expect(endpoint.seen).toHaveLength(1);
    expect(endpoint.seen[0]).toMatchObject({ action: 'createInstance', eventId, answered: 200, body: { action: 'createInstance', orderId: 'order-1' } });
    const logged = await getSaasCall(providerId, eventId);
    expect(logged).toMatchObject({ callId: eventId, action: 'createInstance', orderId: 'order-1', status: 'succeeded', httpStatus: 200, attempts: 1, signId: r.signId });
    expect(logged?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps the same eventId on every retry, each signed anew, and logs one call with its attempts', async () => {
    const providerId = await organisationWith(endpoint.url);
    endpoint.plan('renewInstance', 'fail', 'fail');
    const eventId = newId();
    const r = await callSaas({ providerId, action: 'renewInstance', body: { orderId: 'o-2', signId: 's-2', instanceExpireTime: '2027-01-01T00:00:00.000Z' }, eventId, retries: 2 });
    expect(r).toMatchObject({ ok: true, attempts: 3 });
    expect(endpoint.seen.map((s) => [s.eventId, s.answered])).toEqual([
      [eventId, 500],
      [eventId, 500],
      [eventId, 200],
    ]);
    expect(await getSaasCall(providerId, eventId)).toMatchObject({ status: 'succeeded', attempts: 3 });
  });

  it('records a failure with the endpoint’s status and why', async () => {
    const providerId = await organisationWith(endpoint.url);
    endpoint.plan('expireInstance', 'fail');
    const eventId = newId();
    const r = await callSaas({ providerId, action: 'expireInstance', body: { orderId: 'o-3', signId: 's-3' }, eventId });
    expect(r).toMatchObject({ ok: false, status: 500, error: 'HTTP 500', answer: { error: expect.any(String) } });
    expect(await getSaasCall(providerId, eventId)).toMatchObject({ status: 'failed', httpStatus: 500, error: 'HTTP 500' });
  });

  it('is refused by the endpoint when signed with another token (its own check), and says so', async () => {
    const providerId = await organisationWith(endpoint.url, 'not-the-token');
    const r = await callSaas({ providerId, action: 'destroyInstance', body: { orderId: 'o-4', signId: 's-4' }, eventId: newId() });
    expect(r).toMatchObject({ ok: false, status: 401 });
    expect(endpoint.seen[0]).toMatchObject({ answered: 401 });
  });

  it('gives up on an endpoint that does not answer in time', async () => {
    const providerId = await organisationWith(endpoint.url);
    endpoint.plan('destroyInstance', 'hang');
    const r = await callSaas({ providerId, action: 'destroyInstance', body: { orderId: 'o-5', signId: 's-5' }, eventId: newId(), timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, status: null, error: 'no answer within 300 ms' });
  });

  it('never connects to a private address, whatever the saved URL', async () => {
    const providerId = await organisationWith('http://10.0.0.1:9/saas');
    const r = await callSaas({ providerId, action: 'expireInstance', body: { orderId: 'o-6', signId: 's-6' }, eventId: newId() });
    expect(r).toMatchObject({ ok: false, status: null, error: expect.stringContaining('disallowed address') });
  });

  it('logs a call to an organisation without an endpoint as failed', async () => {
    const providerId = newId();
    const eventId = newId();
    const r = await callSaas({ providerId, action: 'expireInstance', body: { orderId: 'o-7', signId: 's-7' }, eventId });
    expect(r).toMatchObject({ ok: false, error: 'no SaaS endpoint is set' });
    expect(await getSaasCall(providerId, eventId)).toMatchObject({ status: 'failed', url: '' });
  });

  it('lists an organisation’s calls newest first, and only its own', async () => {
    const providerId = await organisationWith(endpoint.url);
    const ids = [newId(), newId()];
    for (const eventId of ids) await callSaas({ providerId, action: 'expireInstance', body: { orderId: eventId, signId: 's' }, eventId });
    await callSaas({ providerId: await organisationWith(endpoint.url), action: 'expireInstance', body: { orderId: 'x', signId: 's' }, eventId: newId() });
    const page = await listSaasCalls(providerId, { limit: 10 });
    expect(page.items.map((c) => c.callId)).toEqual([...ids].reverse());
  });

  it('runs one chain per organisation: a hanging endpoint delays only its own organisation’s calls', async () => {
    const slow = await startSaasEndpoint({ token });
    try {
      slow.plan('expireInstance', 'hang');
      const slowOrg = await organisationWith(slow.url);
      const fastOrg = await organisationWith(endpoint.url);
      const done: Record<string, number> = {};
      const started = Date.now();
      const calls = [slowOrg, slowOrg, fastOrg, fastOrg].map((providerId, i) => ({ providerId, eventId: newId(), i }));
      await inChainsPerProvider(calls, (c) => c.providerId, async (c) => {
        const r = await callSaas({ providerId: c.providerId, action: 'expireInstance', body: { orderId: `o-${c.i}`, signId: 's' }, eventId: c.eventId, timeoutMs: 2_000 });
        done[c.i] = Date.now() - started;
        return r.ok;
      });
      // the fast organisation's two calls were over before the slow one's first gave up; the slow chain stopped there
      expect(done[2]).toBeLessThan(done[0]);
      expect(done[3]).toBeLessThan(done[0]);
      expect(done[1]).toBeUndefined();
    } finally {
      await slow.close();
    }
  });
});

describe('the endpoint written from the protocol alone', () => {
  const post = (query: Record<string, string>, body: unknown) =>
    fetch(`${endpoint.url}?${new URLSearchParams(query)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('refuses a forged signature and a stale timestamp', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    expect((await post({ signature: '0'.repeat(64), timestamp, eventId: 'e1' }, { action: 'verifyInterface', echoback: 'x' })).status).toBe(401);
    const { signatureOf } = await import('../../lib/saas/protocol');
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    expect((await post({ signature: signatureOf(token, stale, 'e2'), timestamp: stale, eventId: 'e2' }, { action: 'verifyInterface', echoback: 'x' })).status).toBe(401);
    const fresh = await post({ signature: signatureOf(token, timestamp, 'e3'), timestamp, eventId: 'e3' }, { action: 'verifyInterface', echoback: 'x' });
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toEqual({ echoback: 'x' });
  });
});

describe('the demo organisation’s endpoint (npm start)', () => {
  it('is saved and passes 接口调试 for every action, so its SaaS products can be submitted', async () => {
    const { DEMO_SAAS_TOKEN, registerDemoSaasEndpoint } = await import('../../scripts/lib/demo-saas');
    const demo = await startSaasEndpoint({ token: DEMO_SAAS_TOKEN });
    try {
      const providerId = newId();
      expect(await registerDemoSaasEndpoint(providerId, demo.url)).toBe(`Demo SaaS endpoint ${demo.url} saved and verified.`);
      const { getSaasEndpoint } = await import('../../lib/saas/repository');
      const saved = await getSaasEndpoint(providerId, true);
      expect(Object.keys(saved?.passed ?? {}).sort()).toEqual(['createInstance', 'destroyInstance', 'expireInstance', 'modifyInstance', 'renewInstance', 'verifyInterface']);
      // again on the next start (the port may have moved): saved anew and verified again
      expect(await registerDemoSaasEndpoint(providerId, demo.url)).toContain('saved and verified');
    } finally {
      await demo.close();
    }
  });
});
