import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketEvents';
});

import type { EventBridgeEvent } from 'aws-lambda';
import { handler as dashboardConsumer } from '../../functions/events/dashboard';
import { handler as inboxConsumer } from '../../functions/events/inbox';
import { handler as webhookConsumer } from '../../functions/events/webhook';
import { handler as putWebhook } from '../../functions/webhooks/put';
import { keys } from '../../lib/db/keys';
import { domainEventSchema, type DomainEvent } from '../../lib/events/contracts';
import { eventOfTimelineEntry } from '../../lib/events/from-timeline';
import { invocationOf } from '../../lib/events/local-bus';
import { readItem, readPartition } from '../support/db';
import { asFunction } from '../support/dynamodb-calls';
import { invoke, lambdaContext, user } from '../support/http';
import { orderIn } from '../support/orders';
import { must, productIn } from '../support/products';
import { assertWebhookDocumented } from '../support/openapi';
import { startReceiver } from '../support/receiver';
import { batchFor, routeOnly, takePublished } from '../support/stream';

type Consumer = (e: EventBridgeEvent<string, unknown>, c?: any) => Promise<unknown>;
/** One EventBridge invocation of a consumer with an event, as the bus makes it. */
const deliver = (consumer: Consumer, event: DomainEvent) =>
  asFunction(consumer, () => consumer(invocationOf({ Source: 'marketplace.orders', DetailType: event.type, Detail: JSON.stringify(event) }), lambdaContext()));

const eventsOf = async (pk: string) => (await readPartition(pk)).filter((i) => i.type === 'timeline').map((i) => eventOfTimelineEntry(i));

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

describe('the stream router over the local bus', () => {
  it('publishes one event per timeline entry, the same ids when the batch is delivered again', async () => {
    const order = await orderIn('implementing');
    const batch = await batchFor(keys.orderPartition(order.orderId));
    expect((await routeOnly(batch)).batchItemFailures).toEqual([]);
    const first = takePublished();
    expect((await routeOnly(batch)).batchItemFailures).toEqual([]);
    const again = takePublished();
    const events = first.map((e) => domainEventSchema.parse(JSON.parse(e.Detail!)));
    expect(events.map((e) => e.type)).toEqual(['order.created', 'order.requirements_submitted', 'order.status_changed']);
    expect(again.map((e) => JSON.parse(e.Detail!).id)).toEqual(events.map((e) => e.id));
    expect(first.every((e) => e.Source === 'marketplace.orders' && e.DetailType === JSON.parse(e.Detail!).type)).toBe(true);
    expect(new Set(events.map((e) => e.id))).toEqual(new Set(batch.Records.map((r) => r.dynamodb!.NewImage!.entryId.S)));
  });

  it('publishes product entries too, which used to reach no listener', async () => {
    const product = await productIn('listed');
    expect((await routeOnly(await batchFor(keys.product(product.productId).PK))).batchItemFailures).toEqual([]);
    const events = takePublished().map((e) => [e.Source, JSON.parse(e.Detail!).type]);
    expect(events).toEqual([
      ['marketplace.products', 'product.submitted'],
      ['marketplace.products', 'product.reviewed'],
    ]);
  });
});

describe('each consumer invoked with an event', () => {
  it('inbox: the other party’s notification, once however often the event is delivered', async () => {
    const order = await orderIn('implementing');
    const started = (await eventsOf(keys.orderPartition(order.orderId))).find((e) => e.type === 'order.status_changed')!;
    expect(await deliver(inboxConsumer, started)).toBe('notified');
    expect(await deliver(inboxConsumer, started)).toBe('notified');
    const buyer = user('buyer').id;
    expect(await readItem(keys.notification(buyer, started.id))).toMatchObject({ notificationId: started.id, orderId: order.orderId, action: 'start', read: false });
    const inbox = (await readPartition(keys.notification(buyer, started.id).PK)).filter((i) => i.orderId === order.orderId);
    expect(inbox).toHaveLength(1);
    // the provider acted: it is not told of its own step
    expect(await readItem(keys.notification(user('provider').id, started.id))).toBeUndefined();
  });

  it('dashboard: counts an order event once, then never again', async () => {
    const order = await orderIn('implementing');
    const events = await eventsOf(keys.orderPartition(order.orderId));
    const counted = [];
    for (const event of events) counted.push(await deliver(dashboardConsumer, event));
    const recounted = [];
    for (const event of events) recounted.push(await deliver(dashboardConsumer, event));
    expect(counted.filter(Boolean).length).toBeGreaterThan(0);
    expect(recounted).toEqual(events.map(() => false));
  });

  it('webhook: one delivery per event whose body is the documented event, sent once', async () => {
    must(await invoke(putWebhook, { as: 'provider', body: { url: receiver.url } }), 200);
    const order = await orderIn('awaiting_start');
    const [created] = await eventsOf(keys.orderPartition(order.orderId));
    expect(await deliver(webhookConsumer, created)).toBe('sent');
    expect(await deliver(webhookConsumer, created)).toBe('no-delivery');
    const delivery = await readItem(keys.delivery(created.id));
    expect(delivery).toMatchObject({ deliveryId: created.id, eventType: 'order.created', orderId: order.orderId, status: 'succeeded', attemptCount: 1 });
    expect(JSON.parse(delivery!.payload)).toEqual(created);
    const sent = receiver.received.filter((r) => r.body.includes(order.orderId));
    expect(sent).toHaveLength(1);
    assertWebhookDocumented(sent[0].body, sent[0].headers);
    expect(sent[0].headers['webhook-id']).toBe(`msg_${created.id}`);
  });
});
