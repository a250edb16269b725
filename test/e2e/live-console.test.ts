import { afterAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { api, ok } from '../support/api';
import { productContent } from '../support/fixtures';
import type { TestUser } from '../support/global-setup';
import { mintToken } from '../support/tokens';

/** A console's connection over serverless-offline's WebSocket API, with everything it is told. */
const connect = (token: string) =>
  new Promise<{ ws: WebSocket; heard: Array<{ type: string; id: string; version?: number }> }>((resolve, reject) => {
    const ws = new WebSocket(`${inject('stack').websocketUrl}?token=${encodeURIComponent(token)}`);
    const heard: Array<{ type: string; id: string; version?: number }> = [];
    ws.on('message', (data) => heard.push(JSON.parse(String(data))));
    ws.once('open', () => resolve({ ws, heard }));
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`refused ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
  });
const as = (name: TestUser) => connect(inject('stack').users[name].token);

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (err: { status?: number }) => err.status ?? -1,
  );

const until = async (probe: () => boolean, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** A command over HTTP, tried again while it answers 503 (the key set or the table slow on a loaded machine). */
const call = async (...args: Parameters<typeof api>) => {
  for (let i = 0; ; i++) {
    const answer = await api(...args);
    if (answer.status !== 503 || i === 4) return answer;
    await new Promise((r) => setTimeout(r, 2_000));
  }
};

const opened: WebSocket[] = [];
afterAll(() => opened.forEach((ws) => ws.close()));

describe.skipIf(!inject('stack').websocketUrl)('the live console over the local WebSocket API', () => {
  it('never opens for a missing, forged or expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await refusal(connect(''))).toBe(401);
    expect(await refusal(connect('not-a-jwt'))).toBe(401);
    expect(await refusal(connect(mintToken({ exp: now - 60, iat: now - 3600 })))).toBe(401);
  });

  it('tells the buyer’s console of the provider’s step, and a stranger’s console nothing of that order', async () => {
    const [buyer, stranger] = await Promise.all([as('buyer2'), as('buyer')]);
    opened.push(buyer.ws, stranger.ws);
    const product = ok(await call('POST', '/provider/products', { as: 'provider2', body: productContent({ requirementsBeforeStart: false }) }), 201);
    const submitted = ok(await call('POST', `/provider/products/${product.productId}/submit`, { as: 'provider2' }));
    ok(await call('POST', `/operator/products/${product.productId}/approve`, { as: 'operator', body: { version: submitted.version } }));
    const order = ok(await call('POST', '/orders', { as: 'buyer2', body: { productId: product.productId, planId: 'basic' } }), 201);
    const started = ok(await call('POST', `/orders/${order.orderId}/start`, { as: 'provider2' }));
    // the stream router, the bus and the consumer: first invocations are cold on a loaded machine
    await until(() => buyer.heard.some((m) => m.type === 'order' && m.id === order.orderId && m.version === started.version), 60_000);
    await until(() => buyer.heard.some((m) => m.type === 'inbox'));
    expect(stranger.heard.filter((m) => m.id === order.orderId || m.id === product.productId)).toEqual([]);
  }, 90_000);
});
