import { createServer } from 'node:net';
import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { handler as emailConsumer } from '../../functions/events/email';
import { handler as putMe } from '../../functions/people/put-me';
import { keys } from '../../lib/db/keys';
import type { DomainEvent } from '../../lib/events/contracts';
import { eventOfTimelineEntry } from '../../lib/events/from-timeline';
import { invocationOf } from '../../lib/events/local-bus';
import { readItem, readPartition } from '../support/db';
import { asFunction } from '../support/dynamodb-calls';
import { invoke, lambdaContext, user } from '../support/http';
import { mailsTo } from '../support/mail';
import { orderIn } from '../support/orders';

type Consumer = (e: EventBridgeEvent<string, unknown>, c?: any) => Promise<unknown>;
/** One EventBridge invocation of a consumer with an event, as the bus makes it. */
const deliver = (consumer: Consumer, event: DomainEvent) =>
  asFunction(consumer, () => consumer(invocationOf({ Source: 'marketplace.orders', DetailType: event.type, Detail: JSON.stringify(event) }), lambdaContext()));

/** The event of an order's `complete` step (实施完成), which tells the buyer. */
const completedEvent = async () => {
  const order = await orderIn('awaiting_confirmation', { buyer: 'buyer' });
  const entries = (await readPartition(keys.orderPartition(order.orderId))).filter((i) => i.type === 'timeline').map((i) => eventOfTimelineEntry(i));
  return { order, event: entries.find((e) => e.type === 'order.status_changed' && (e.data as { action: string }).action === 'complete')! };
};

const buyer = () => user('buyer');
const setPreferences = async (locale: 'zh-CN' | 'en-US', emailPreferences: string[]) => {
  const res = await invoke(putMe, { as: 'buyer', method: 'PUT', path: '/me', body: { displayName: '买家', locale, emailPreferences } });
  expect(res.status).toBe(200);
};
const mailsAbout = async (orderId: string) => (await mailsTo(buyer().email)).filter((m) => m.body.html?.includes(orderId));

const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

// Its own file: the consumer is loaded a second time with SES unreachable (vi.resetModules), which would hide
// the first copy's DynamoDB calls from the IAM record of the other file.
describe('the email consumer while SES is down', () => {
  it('fails the invocation when SES is down, keeps no mark, and mails once when the event comes again', async () => {
    await setPreferences('zh-CN', ['complete']);
    const { order, event } = await completedEvent();
    // the same consumer with SES unreachable (its configuration is read at load: a fresh copy of the modules)
    const previous = process.env.SES_ENDPOINT;
    process.env.SES_ENDPOINT = `http://127.0.0.1:${await closedPort()}`;
    process.env.MAIL_TIMEOUT_MS = '1000';
    vi.resetModules();
    const { handler: downConsumer } = await import('../../functions/events/email');
    process.env.SES_ENDPOINT = previous;
    delete process.env.MAIL_TIMEOUT_MS;
    await expect(deliver(downConsumer, event)).rejects.toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(await readItem(keys.emailMark(event.id, buyer().id))).toBeUndefined();
    expect(await mailsAbout(order.orderId)).toEqual([]);
    // the bus delivers it again once SES answers
    expect(await deliver(emailConsumer, event)).toMatchObject({ sent: 1 });
    await new Promise((r) => setTimeout(r, 200));
    expect(await mailsAbout(order.orderId)).toHaveLength(1);
  });
});
