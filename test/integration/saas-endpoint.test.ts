import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { handler as getEndpoint } from '../../functions/saas/get-endpoint';
import { handler as putEndpoint } from '../../functions/saas/put-endpoint';
import { handler as debug } from '../../functions/saas/debug';
import { handler as calls } from '../../functions/saas/calls';
import { handler as resend } from '../../functions/saas/resend';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { callSaas } from '../../lib/saas/call';
import { newId } from '../../lib/shared/ids';
import { startSaasEndpoint, type SaasEndpoint } from '../../scripts/lib/saas-endpoint';
import { handler as create } from '../../functions/products/create';
import { handler as submit } from '../../functions/products/submit';
import { handler as getOwn } from '../../functions/products/get-own';
import { countRoundTrips, readItem, MEMBERSHIP_READ } from '../support/db';
import { productContent } from '../support/fixtures';
import { readySaasEndpoint, saasContent } from '../support/saas';
import { invoke, user } from '../support/http';
import { must } from '../support/products';

// This file's organisation: providerBuyer's (the SaaS order tests keep endpoints for provider and provider2)
const AS = 'providerBuyer' as const;
let endpoint: SaasEndpoint;
const token = `tok-${randomBytes(12).toString('hex')}`;

beforeAll(async () => {
  endpoint = await startSaasEndpoint({ token });
});
afterAll(() => endpoint.close());
beforeEach(async () => {
  endpoint.reset();
  await ddb.send(new DeleteCommand({ TableName: tableName, Key: keys.saasEndpoint(user(AS).id) }));
});

const save = (body: unknown, headers?: Record<string, string>) => invoke(putEndpoint, { as: AS, method: 'PUT', body, headers });
const runDebug = (action: string) => invoke(debug, { as: AS, method: 'POST', body: { action } });

describe('saving the SaaS endpoint (PUT /provider/saas-endpoint)', () => {
  it('verifies with verifyInterface, stores the token sealed, and GET shows only that a token is set', async () => {
    const saved = must(await save({ url: endpoint.url, token }), 200);
    expect(saved).toMatchObject({ url: endpoint.url, tokenSet: true, passed: {}, missing: ['createInstance', 'renewInstance', 'expireInstance', 'destroyInstance'] });
    expect(endpoint.seen).toEqual([expect.objectContaining({ action: 'verifyInterface', answered: 200 })]);
    const shown = must(await invoke(getEndpoint, { as: AS }), 200);
    expect(shown).toMatchObject({ url: endpoint.url, tokenSet: true });
    expect(JSON.stringify(shown)).not.toContain(token);
    const stored = await readItem(keys.saasEndpoint(user(AS).id));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored?.sealedToken).toMatch(/^local:v1:/);
  });

  it('refuses (400) an endpoint that does not echo, with what it answered, and saves nothing', async () => {
    endpoint.plan('verifyInterface', 'wrongEcho');
    const r = await save({ url: endpoint.url, token });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'SAAS_ENDPOINT_UNVERIFIED', errors: [{ path: 'url' }], verification: { status: 200, answer: { echoback: 'not-the-echo' } } });
    expect(r.body.detail).toContain('not-the-echo');
    expect((await invoke(getEndpoint, { as: AS })).status).toBe(404);
  });

  it('refuses a token the endpoint does not know (its own signature check answers 401)', async () => {
    const r = await save({ url: endpoint.url, token: 'another-token-123' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'SAAS_ENDPOINT_UNVERIFIED', verification: { status: 401 } });
  });

  it.each(['http://10.0.0.1/saas', 'https://169.254.169.254/latest', 'https://[::1]:8443/saas', 'http://localhost.invalid/x', 'ftp://example.com/'])(
    'refuses %s naming url, sending nothing',
    async (url) => {
      const r = await save({ url, token });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([expect.objectContaining({ path: 'url' })]);
      expect(endpoint.seen).toEqual([]);
    },
  );

  it('refuses a missing or malformed token and unknown fields, naming them', async () => {
    const r = await save({ url: endpoint.url, token: 'has space inside', extra: 1 });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(expect.arrayContaining(['token']));
    expect((await save({ url: endpoint.url })).body.errors).toEqual([expect.objectContaining({ path: 'token' })]);
  });
});

describe('接口调试 (POST /provider/saas-endpoint/debug)', () => {
  it('answers 404 before an endpoint is saved', async () => {
    expect((await runDebug('createInstance')).status).toBe(404);
  });

  it('sends each action with test data, answers request, response, latency and verdict, and records the passes', async () => {
    must(await save({ url: endpoint.url, token }), 200);
    const created = must(await runDebug('createInstance'), 200);
    expect(created).toMatchObject({ action: 'createInstance', verdict: 'passed', response: { status: 200, body: { signId: expect.any(String) } } });
    const url = new URL(created.request.url);
    expect(url.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(created.request.body).toMatchObject({ action: 'createInstance', productInfo: { isTrial: true } });
    expect(created.latencyMs).toBeGreaterThanOrEqual(0);
    const signId = created.response.body.signId;
    for (const action of ['renewInstance', 'modifyInstance', 'expireInstance']) {
      const r = must(await runDebug(action), 200);
      expect(r).toMatchObject({ action, verdict: 'passed', request: { body: { signId, orderId: created.request.body.orderId } } });
    }
    expect(must(await runDebug('verifyInterface'), 200)).toMatchObject({ verdict: 'passed' });
    const last = must(await runDebug('destroyInstance'), 200);
    expect(last).toMatchObject({ missing: [] });
    expect(Object.keys(last.passed).sort()).toEqual(['createInstance', 'destroyInstance', 'expireInstance', 'modifyInstance', 'renewInstance', 'verifyInterface']);
    expect(must(await invoke(getEndpoint, { as: AS }), 200).missing).toEqual([]);
    // test calls are not the call log's
    const log = must(await invoke(calls, { as: AS, query: { limit: '100' } }), 200);
    expect(log.items.filter((c: { orderId: string | null }) => c.orderId?.startsWith('debug-'))).toEqual([]);
  });

  it('answers a failed verdict with the reason and records no pass', async () => {
    must(await save({ url: endpoint.url, token }), 200);
    endpoint.plan('renewInstance', 'fail');
    const r = must(await runDebug('renewInstance'), 200);
    expect(r).toMatchObject({ verdict: 'failed', reason: 'HTTP 500', response: { status: 500 }, passed: {} });
    expect(r.missing).toContain('renewInstance');
  });

  it('forgets the passes when the endpoint is saved again', async () => {
    must(await save({ url: endpoint.url, token }), 200);
    must(await runDebug('createInstance'), 200);
    expect(must(await invoke(getEndpoint, { as: AS }), 200).passed).toHaveProperty('createInstance');
    const again = must(await save({ url: endpoint.url, token }), 200);
    expect(again.passed).toEqual({});
    expect(again.missing).toContain('createInstance');
  });

  it('refuses an unknown action', async () => {
    must(await save({ url: endpoint.url, token }), 200);
    const r = await runDebug('dropDatabase');
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ path: 'action' })]);
  });
});

describe('the call log and 重新发送', () => {
  it('lists the organisation’s calls and resends a failed one with the same eventId', async () => {
    must(await save({ url: endpoint.url, token }), 200);
    endpoint.plan('expireInstance', 'fail');
    const eventId = newId();
    const orderId = newId();
    const failed = await callSaas({ providerId: user(AS).id, action: 'expireInstance', body: { orderId, signId: 's-1' }, eventId });
    expect(failed.ok).toBe(false);
    const page = must(await invoke(calls, { as: AS, query: { limit: '5' } }), 200);
    expect(page.items[0]).toMatchObject({ callId: eventId, eventId, action: 'expireInstance', orderId, status: 'failed', httpStatus: 500, error: 'HTTP 500', attempts: 1 });

    const resent = must(await invoke(resend, { as: AS, method: 'POST', params: { callId: eventId } }), 200);
    expect(resent).toMatchObject({ callId: eventId, status: 'succeeded', httpStatus: 200, attempts: 2 });
    expect(endpoint.seen.map((s) => s.eventId)).toEqual([expect.any(String), eventId, eventId]);
    expect(endpoint.seen[2].body).toEqual(endpoint.seen[1].body);

    const again = await invoke(resend, { as: AS, method: 'POST', params: { callId: eventId } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'SAAS_CALL_NOT_FAILED', currentStatus: 'succeeded' });
  });

  it('answers 404 for another organisation’s call or an absent one, sending nothing', async () => {
    must(await save({ url: endpoint.url, token }), 200);
    endpoint.plan('destroyInstance', 'fail');
    const eventId = newId();
    await callSaas({ providerId: user(AS).id, action: 'destroyInstance', body: { orderId: 'o', signId: 's' }, eventId });
    const sent = endpoint.seen.length;
    expect((await invoke(resend, { as: 'provider', method: 'POST', params: { callId: eventId } })).status).toBe(404);
    expect((await invoke(resend, { as: AS, method: 'POST', params: { callId: newId() } })).status).toBe(404);
    expect(endpoint.seen.length).toBe(sent);
    const theirs = must(await invoke(calls, { as: 'provider', query: { limit: '100' } }), 200);
    expect(theirs.items.map((c: { callId: string }) => c.callId)).not.toContain(eventId);
  });

  it('sends once when two resends of one failed call arrive at once', async () => {
    must(await save({ url: endpoint.url, token }), 200);
    endpoint.plan('expireInstance', 'fail');
    const eventId = newId();
    await callSaas({ providerId: user(AS).id, action: 'expireInstance', body: { orderId: 'o2', signId: 's' }, eventId });
    const answers = await Promise.all([1, 2].map(() => invoke(resend, { as: AS, method: 'POST', params: { callId: eventId } })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(endpoint.seen.filter((s) => s.eventId === eventId)).toHaveLength(2);
  });
});

describe('the submit gate of SaaS products', () => {
  const submitAs = (productId: string) => invoke(submit, { as: AS, method: 'POST', params: { productId } });
  const draftOf = async (content: Record<string, unknown>) => must(await invoke(create, { as: AS, method: 'POST', body: productContent(content) }), 201);

  it('refuses (409) a SaaS product until the four actions passed against the saved endpoint, naming those missing', async () => {
    const draft = await draftOf(saasContent());
    const none = await submitAs(draft.productId);
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ code: 'SAAS_CHECKS_MISSING', missing: ['createInstance', 'renewInstance', 'expireInstance', 'destroyInstance'] });
    expect(none.body.detail).toContain('renewInstance');

    must(await save({ url: endpoint.url, token }), 200);
    must(await runDebug('createInstance'), 200);
    must(await runDebug('expireInstance'), 200);
    expect((await submitAs(draft.productId)).body).toMatchObject({ code: 'SAAS_CHECKS_MISSING', missing: ['renewInstance', 'destroyInstance'] });
    expect(must(await invoke(getOwn, { as: AS, params: { productId: draft.productId } }), 200)).toMatchObject({ status: 'draft', version: 1 });

    must(await runDebug('renewInstance'), 200);
    must(await runDebug('destroyInstance'), 200);
    expect(must(await submitAs(draft.productId), 200)).toMatchObject({ status: 'in_review' });
  });

  it('asks again after the endpoint is saved again', async () => {
    const ready = await readySaasEndpoint(AS);
    try {
      const first = await draftOf(saasContent());
      expect(must(await submitAs(first.productId), 200)).toMatchObject({ status: 'in_review' });
      must(await save({ url: ready.endpoint.url, token: ready.token }), 200);
      const second = await draftOf(saasContent());
      expect((await submitAs(second.productId)).body).toMatchObject({ code: 'SAAS_CHECKS_MISSING' });
    } finally {
      await ready.endpoint.close();
    }
  });

  it('leaves other products as they were: submitted in two round trips whatever the endpoint', async () => {
    const draft = await draftOf({});
    const { result, roundTrips } = await countRoundTrips(() => submitAs(draft.productId));
    expect(result.status).toBe(200);
    // besides the caller's memberships, read first on every provider route
    expect(roundTrips).toBe(MEMBERSHIP_READ + 2);
  });

  it('answers a wrong status before the gate: a SaaS product already in review is 409 INVALID_STATE', async () => {
    const ready = await readySaasEndpoint(AS);
    try {
      const draft = await draftOf(saasContent());
      must(await submitAs(draft.productId), 200);
      await ddb.send(new DeleteCommand({ TableName: tableName, Key: keys.saasEndpoint(user(AS).id) }));
      expect((await submitAs(draft.productId)).body).toMatchObject({ code: 'INVALID_STATE' });
    } finally {
      await ready.endpoint.close();
    }
  });
});
