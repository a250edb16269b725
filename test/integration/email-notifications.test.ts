import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler as emailConsumer } from '../../functions/events/email';
import { handler as putMe } from '../../functions/people/put-me';
import { keys } from '../../lib/db/keys';
import type { DomainEvent } from '../../lib/events/contracts';
import { eventOfTimelineEntry } from '../../lib/events/from-timeline';
import { invocationOf } from '../../lib/events/local-bus';
import { readItem, readPartition } from '../support/db';
import { asFunction } from '../support/dynamodb-calls';
import { invoke, lambdaContext, user } from '../support/http';
import { mailsTo, waitForMails } from '../support/mail';
import { orderIn } from '../support/orders';

type Consumer = (e: EventBridgeEvent<string, unknown>, c?: any) => Promise<unknown>;
/** One EventBridge invocation of a consumer with an event, as the bus makes it. */
const deliver = (consumer: Consumer, event: DomainEvent) =>
  asFunction(consumer, () => consumer(invocationOf({ Source: 'marketplace.orders', DetailType: event.type, Detail: JSON.stringify(event) }), lambdaContext()));

/** The event of an order's `complete` step (实施完成), which tells the buyer. */
const completedEvent = async () => {
  const order = await orderIn('awaiting_confirmation', { buyer: 'buyer2' });
  const entries = (await readPartition(keys.orderPartition(order.orderId))).filter((i) => i.type === 'timeline').map((i) => eventOfTimelineEntry(i));
  return { order, event: entries.find((e) => e.type === 'order.status_changed' && (e.data as { action: string }).action === 'complete')! };
};

const buyer = () => user('buyer2');
const setPreferences = async (locale: 'zh-CN' | 'en-US', emailPreferences: string[]) => {
  const res = await invoke(putMe, { as: 'buyer2', method: 'PUT', path: '/me', body: { displayName: '买家二', locale, emailPreferences } });
  expect(res.status).toBe(200);
};
const mailsAbout = async (orderId: string) => (await mailsTo(buyer().email)).filter((m) => m.body.html?.includes(orderId));

// One file: the buyer's preferences are set by each test in turn.
describe.sequential('the email consumer', () => {
  it('mails a wanted notification in the recipient’s language, HTML and text, with a link to their page; once however often the event comes', async () => {
    await setPreferences('en-US', ['complete']);
    const { order, event } = await completedEvent();
    expect(await deliver(emailConsumer, event)).toEqual({ sent: 1, unwanted: 0, repeated: 0, refused: 0 });
    expect(await deliver(emailConsumer, event)).toEqual({ sent: 0, unwanted: 0, repeated: 1, refused: 0 });
    await waitForMails(buyer().email);
    const mails = await mailsAbout(order.orderId);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.body.html).toContain('<html lang="en-US">');
    expect(mail.body.html).toContain(`/buyer/orders/${order.orderId}`);
    expect(mail.body.text).toContain(`/buyer/orders/${order.orderId}`);
    expect(mail.subject).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await readItem(keys.emailMark(event.id, buyer().id))).toMatchObject({ type: 'email-mark' });
  });

  it('writes in Chinese to a recipient who chose zh-CN', async () => {
    await setPreferences('zh-CN', ['complete', 'urge']);
    const { order, event } = await completedEvent();
    expect(await deliver(emailConsumer, event)).toMatchObject({ sent: 1 });
    const [mail] = await (async () => {
      for (let i = 0; i < 50; i++) {
        const found = await mailsAbout(order.orderId);
        if (found.length) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      return [];
    })();
    expect(mail.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(mail.body.html).toContain('<html lang="zh-CN">');
  });

  it('mails nobody who does not want that kind (the inbox still gets it)', async () => {
    await setPreferences('zh-CN', ['urge']);
    const { order, event } = await completedEvent();
    expect(await deliver(emailConsumer, event)).toEqual({ sent: 0, unwanted: 1, repeated: 0, refused: 0 });
    expect(await mailsAbout(order.orderId)).toEqual([]);
    expect(await readItem(keys.emailMark(event.id, buyer().id))).toBeUndefined();
  });
});
