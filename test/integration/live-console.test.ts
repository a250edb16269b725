import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

// a table of its own: other files' stream deliveries reach this consumer too, and must find none of these consoles
vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketLive';
});

import type { EventBridgeEvent } from 'aws-lambda';
import { handler as inboxConsumer } from '../../functions/events/inbox';
import { handler as liveConsumer } from '../../functions/events/live';
import { connectWith, handler as connect } from '../../functions/live/connect';
import { handler as disconnect } from '../../functions/live/disconnect';
import { keys } from '../../lib/db/keys';
import { createAuthenticator } from '../../lib/http/auth';
import type { DomainEvent } from '../../lib/events/contracts';
import { eventOfTimelineEntry } from '../../lib/events/from-timeline';
import { invocationOf } from '../../lib/events/local-bus';
import { readItem, readPartition } from '../support/db';
import { asFunction } from '../support/dynamodb-calls';
import { lambdaContext, user } from '../support/http';
import { closedPort } from '../support/issuer';
import { orderIn } from '../support/orders';
import { productIn } from '../support/products';
import { mintToken } from '../support/tokens';
import type { TestUser } from '../support/global-setup';

/**
 * The live console's functions in-process against the test stack; API Gateway's management API (PostToConnection)
 * is a real HTTP server on loopback that records what each connection is sent and answers 410 for a gone one.
 */
const posts: Array<{ connectionId: string; notice: { type: string; id: string; version?: number } }> = [];
const gone = new Set<string>();
const management = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const connectionId = decodeURIComponent(req.url!.split('/@connections/')[1] ?? '');
    if (gone.has(connectionId)) return void res.writeHead(410, { 'content-type': 'application/json' }).end('{"message":"Gone"}');
    posts.push({ connectionId, notice: JSON.parse(body) });
    res.writeHead(200).end();
  });
});

type Consumer = (e: EventBridgeEvent<string, unknown>, c?: any) => Promise<unknown>;
const deliver = (consumer: Consumer, event: DomainEvent) =>
  asFunction(consumer, () => consumer(invocationOf({ Source: event.type.split('.')[0], DetailType: event.type, Detail: JSON.stringify(event) }), lambdaContext()));
/** An event as both consumers get it (the inbox's first, as the live one waits for its notification anyway). */
const publish = async (event: DomainEvent) => {
  await deliver(inboxConsumer, event);
  return deliver(liveConsumer, event);
};
const eventsOf = async (pk: string) => (await readPartition(pk)).filter((i) => i.type === 'timeline').map((i) => eventOfTimelineEntry(i));

const open = (connectionId: string, token: string | undefined) =>
  asFunction(connect, () => connect({ requestContext: { connectionId }, queryStringParameters: token ? { token } : undefined }, lambdaContext()));

const PEOPLE = ['buyer', 'provider', 'buyer2', 'provider2', 'operator'] as const satisfies readonly TestUser[];
type Person = (typeof PEOPLE)[number];
let consoles: Record<Person, string>;
/** What each person's console was told since `from` (a post index), as `type id` lines. */
const heard = (from: number) =>
  Object.fromEntries(
    PEOPLE.map((p) => [p, posts.slice(from).filter((x) => x.connectionId === consoles[p]).map((x) => `${x.notice.type} ${x.notice.id}`).sort()]),
  ) as Record<Person, string[]>;

beforeAll(async () => {
  await new Promise<void>((r) => management.listen(0, '127.0.0.1', r));
  process.env.WEBSOCKET_ENDPOINT = `http://127.0.0.1:${(management.address() as AddressInfo).port}`;
  process.env.LIVE_INBOX_WAIT_MS = '200';
  consoles = Object.fromEntries(PEOPLE.map((p) => [p, `${p}-${randomUUID()}`])) as Record<Person, string>;
  for (const p of PEOPLE) expect(await open(consoles[p], user(p).token)).toEqual({ statusCode: 200 });
});
afterAll(async () => {
  for (const p of PEOPLE) await asFunction(disconnect, () => disconnect({ requestContext: { connectionId: consoles[p] } }));
  management.closeAllConnections();
  await new Promise((r) => management.close(r));
});

describe('$connect and $disconnect', () => {
  it('keeps a connection under its person, with the token’s roles and a time to live, and removes it on $disconnect', async () => {
    const id = `c-${randomUUID()}`;
    const buyer = user('buyer').id;
    expect(await open(id, user('buyer').token)).toEqual({ statusCode: 200 });
    const item = await readItem(keys.connection(buyer, id));
    expect(item).toMatchObject({ type: 'connection', userId: buyer, connectionId: id, roles: ['buyer'] });
    expect(item!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 2 * 3600);
    expect(await readItem(keys.connectionOwner(id))).toMatchObject({ userId: buyer });
    await asFunction(disconnect, () => disconnect({ requestContext: { connectionId: id } }));
    expect(await readItem(keys.connection(buyer, id))).toBeUndefined();
    expect(await readItem(keys.connectionOwner(id))).toBeUndefined();
  });

  it('never connects a missing, forged or expired token (401), and stores nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const token of [undefined, 'not-a-jwt', mintToken({ exp: now - 60, iat: now - 3600 }), mintToken({ token_use: 'id' })]) {
      const id = `c-${randomUUID()}`;
      expect((await open(id, token)).statusCode).toBe(401);
      expect(await readItem(keys.connectionOwner(id))).toBeUndefined();
    }
  });
});

describe('who hears of what (the HTTP API’s read rules)', () => {
  it('an order step: its buyer and provider, and the inbox of the one it notifies; nobody else', async () => {
    const order = await orderIn('implementing');
    const started = (await eventsOf(keys.orderPartition(order.orderId))).find((e) => e.type === 'order.status_changed')!;
    const from = posts.length;
    expect(await publish(started)).toMatchObject({ told: 2, gone: 0, repeated: 0 });
    expect(heard(from)).toEqual({
      buyer: [`inbox ${started.id}`, `order ${order.orderId}`],
      provider: [`order ${order.orderId}`],
      buyer2: [],
      provider2: [],
      operator: [],
    });
    expect(posts.find((p) => p.connectionId === consoles.buyer && p.notice.type === 'order')!.notice).toEqual({ type: 'order', id: order.orderId, version: started.data.orderVersion });
  });

  it('an appeal: the parties, and the operators’ appeal queue and the order; no other buyer or provider', async () => {
    const order = await orderIn('disputed');
    const appealed = (await eventsOf(keys.orderPartition(order.orderId))).find((e) => e.type === 'order.status_changed' && e.data.action === 'appeal')!;
    const from = posts.length;
    await publish(appealed);
    const o = `order ${order.orderId}`;
    expect(heard(from)).toEqual({
      buyer: [o],
      provider: [`inbox ${appealed.id}`, o],
      buyer2: [],
      provider2: [],
      operator: [`appeal-queue ${order.orderId}`, `inbox ${appealed.id}`, o],
    });
  });

  it('a product submitted: its provider, and the operators’ review queue and inbox; no buyer, no other provider', async () => {
    const product = await productIn('in_review', 'provider2');
    const [submitted] = await eventsOf(keys.product(product.productId).PK);
    const from = posts.length;
    await publish(submitted);
    expect(heard(from)).toEqual({
      buyer: [],
      provider: [],
      buyer2: [],
      provider2: [`product ${product.productId}`],
      operator: [`inbox ${submitted.id}`, `review-queue ${product.productId}`],
    });
  });
});

describe('delivery', () => {
  it('tells a connection once however often the event is delivered', async () => {
    const order = await orderIn('implementing', { buyer: 'buyer2', provider: 'provider2' });
    const started = (await eventsOf(keys.orderPartition(order.orderId))).find((e) => e.type === 'order.status_changed')!;
    const from = posts.length;
    expect(await publish(started)).toMatchObject({ told: 2, repeated: 0 });
    expect(await publish(started)).toMatchObject({ told: 0, repeated: 2 });
    expect(heard(from).buyer2).toEqual([`inbox ${started.id}`, `order ${order.orderId}`]);
    expect(heard(from).provider2).toEqual([`order ${order.orderId}`]);
  });

  it('removes a connection API Gateway answers gone for, and still tells the person’s other consoles', async () => {
    const stale = `stale-${randomUUID()}`;
    expect(await open(stale, user('provider').token)).toEqual({ statusCode: 200 });
    gone.add(stale);
    const order = await orderIn('awaiting_start');
    const [created] = await eventsOf(keys.orderPartition(order.orderId));
    const from = posts.length;
    expect(await publish(created)).toMatchObject({ told: 2, gone: 1 });
    expect(await readItem(keys.connection(user('provider').id, stale))).toBeUndefined();
    expect(await readItem(keys.connectionOwner(stale))).toBeUndefined();
    expect(heard(from).provider).toEqual([`inbox ${created.id}`, `order ${order.orderId}`]);
  });
});

describe('$connect while the key set is unreachable', () => {
  it('refuses with 503 and Retry-After (retry), never 401', async () => {
    const { issuer, clientId } = inject('stack');
    const jwksUri = `http://127.0.0.1:${await closedPort()}/.well-known/jwks.json`;
    const down = connectWith(createAuthenticator({ issuer, clientId, jwksUri, jwksTimeoutMs: 300, jwksRetryAfterMs: 2000 }).authenticate);
    const id = `c-${randomUUID()}`;
    const answer = await asFunction(connect, () => down({ requestContext: { connectionId: id }, queryStringParameters: { token: user('buyer').token } }));
    expect(answer).toMatchObject({ statusCode: 503, headers: { 'retry-after': '2' } });
    expect(await readItem(keys.connectionOwner(id))).toBeUndefined();
  });
});
