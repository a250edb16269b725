import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // the stream function reads whole partitions of notifications: a table of this file's own
  process.env.TABLE_NAME = 'MarketConversation';
});

import { handler as message } from '../../functions/orders/message';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as inbox } from '../../functions/notifications/list';
import { handler as putWebhook } from '../../functions/webhooks/put';
import { handler as appeal } from '../../functions/orders/appeal';
import { handler as urge } from '../../functions/orders/urge';
import { keys } from '../../lib/db/keys';
import { keyOf, readItem, readPartition, recordTransactions } from '../support/db';
import type { TestUser } from '../support/global-setup';
import { invoke } from '../support/http';
import { ageOrder, orderIn } from '../support/orders';
import { must } from '../support/products';
import { startReceiver } from '../support/receiver';
import { batchFor, runStream } from '../support/stream';

const say = (as: TestUser, orderId: string, text: string) => invoke(message, { as, params: { orderId }, body: { text } });
const inboxOf = async (who: TestUser) => must(await invoke(inbox, { as: who, query: { limit: '100' } }), 200);

describe('messages (沟通)', () => {
  it('appends a message entry without changing the status or whose turn it is', async () => {
    const order = await orderIn('implementing');
    const before = await readItem(keys.order(order.orderId));
    const res = await say('buyer', order.orderId, '请顺便检查一下 nginx 日志轮转');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('implementing');
    expect(res.body.version).toBe(before!.version + 1);
    expect(res.body.timeline.at(-1)).toMatchObject({
      action: 'message',
      role: 'buyer',
      from: 'implementing',
      to: 'implementing',
      data: { text: '请顺便检查一下 nginx 日志轮转', attachments: [] },
    });
    const after = await readItem(keys.order(order.orderId));
    expect([after!.status, after!.turnSince, after!.statusSince]).toEqual([before!.status, before!.turnSince, before!.statusSince]);
  });

  it('writes the order’s head and its entry, never its body', async () => {
    const order = await orderIn('implementing');
    const body = await readItem(keys.orderBody(order.orderId));
    const { result, transactions } = await recordTransactions(() => say('provider', order.orderId, '今晚上线'));
    expect(result.status).toBe(200);
    expect(transactions).toHaveLength(1);
    const written = transactions[0].filter((i) => !i.ConditionCheck).map((i) => keyOf(i));
    expect(written).toEqual(expect.arrayContaining([keys.order(order.orderId), keys.orderTimeline(order.orderId, result.body.version)]));
    expect(written.filter((k) => k.PK === keys.orderPartition(order.orderId))).toHaveLength(2);
    expect(written).not.toContainEqual(keys.orderBody(order.orderId));
    expect(await readItem(keys.orderBody(order.orderId))).toEqual(body);
  });

  it('an urge, like a message, writes the head and its entry and leaves the body alone', async () => {
    const order = await orderIn('awaiting_confirmation');
    const body = await readItem(keys.orderBody(order.orderId));
    const { result, transactions } = await recordTransactions(() => invoke(urge, { as: 'provider', params: { orderId: order.orderId } }));
    expect(result.status).toBe(200);
    const written = transactions.flat().filter((i) => !i.ConditionCheck).map((i) => keyOf(i));
    expect(written.filter((k) => k.PK === keys.orderPartition(order.orderId))).toEqual(
      expect.arrayContaining([keys.order(order.orderId), keys.orderTimeline(order.orderId, result.body.version)]),
    );
    expect(written).not.toContainEqual(keys.orderBody(order.orderId));
    expect(await readItem(keys.orderBody(order.orderId))).toEqual(body);
  });

  it('shows the conversation in the order’s timeline in the order it was written', async () => {
    const order = await orderIn('awaiting_start');
    must(await say('buyer', order.orderId, '第一条'), 200);
    must(await say('provider', order.orderId, '第二条'), 200);
    must(await say('buyer', order.orderId, '第三条'), 200);
    const seen = must(await invoke(getOrder, { as: 'provider', params: { orderId: order.orderId } }), 200);
    const messages = seen.timeline.filter((e: any) => e.action === 'message');
    expect(messages.map((e: any) => [e.role, e.data.text])).toEqual([
      ['buyer', '第一条'],
      ['provider', '第二条'],
      ['buyer', '第三条'],
    ]);
  });

  it('does not keep a stalled party from being appealed against', async () => {
    const order = await orderIn('implementing');
    await ageOrder(order.orderId, 6 * 24 * 60 * 60 * 1000);
    must(await say('provider', order.orderId, '还在处理，请稍等'), 200);
    const res = await invoke(appeal, { as: 'buyer', params: { orderId: order.orderId }, body: { reason: '五天没有进展' } });
    expect(res.status).toBe(200);
  });

  it('lets an operator write only into a dispute, refuses a cancelled order, and answers 404 to strangers', async () => {
    const implementing = await orderIn('implementing');
    const disputed = await orderIn('disputed');
    const cancelled = await orderIn('cancelled');
    expect((await say('operator', implementing.orderId, '平台提示')).status).toBe(409);
    const op = await say('operator', disputed.orderId, '请双方提供证据');
    expect(op.status).toBe(200);
    expect(op.body.timeline.at(-1)).toMatchObject({ action: 'message', role: 'operator', from: 'disputed', to: 'disputed' });
    expect((await say('buyer', cancelled.orderId, 'hello')).status).toBe(409);
    expect((await say('buyer2', implementing.orderId, 'hello')).status).toBe(404);
    expect((await say('provider2', implementing.orderId, 'hello')).status).toBe(404);
    expect((await invoke(message, { as: 'buyer', params: { orderId: implementing.orderId } })).status).toBe(400);
    const long = await invoke(message, { as: 'buyer', params: { orderId: implementing.orderId }, body: { text: 'x'.repeat(2001) } });
    expect(long.body.errors.map((e: any) => e.path)).toEqual(['text']);
  });

  it('notifies the other party exactly once, also when the batch is replayed, and sends the provider’s webhook', async () => {
    const receiver = await startReceiver();
    try {
      must(await invoke(putWebhook, { as: 'provider', body: { url: receiver.url } }), 200);
      const order = await orderIn('implementing');
      must(await say('buyer', order.orderId, '能否今晚 22 点后操作？'), 200);
      const batch = await batchFor(keys.orderPartition(order.orderId));
      const buyerUnread = (await inboxOf('buyer')).unreadCount;
      expect((await runStream(batch)).batchItemFailures).toEqual([]);
      expect((await runStream(batch)).batchItemFailures).toEqual([]);

      const provider = (await inboxOf('provider')).items.filter((n: any) => n.orderId === order.orderId && n.type === 'message');
      expect(provider).toEqual([expect.objectContaining({ title: '订单有新消息', read: false })]);
      expect(provider[0].body).toContain('能否今晚 22 点后操作？');
      const buyer = (await inboxOf('buyer')).items.filter((n: any) => n.orderId === order.orderId && n.type === 'message');
      expect(buyer).toEqual([]);
      expect((await inboxOf('buyer')).unreadCount).toBe(buyerUnread + 1); // the provider's start, not the message
      const hooks = receiver.received.filter((r) => JSON.parse(r.body).type === 'order.message_posted');
      expect(hooks).toHaveLength(1);
      expect(JSON.parse(hooks[0].body).data).toMatchObject({ orderId: order.orderId, action: 'message', role: 'buyer', detail: { text: '能否今晚 22 点后操作？' } });
    } finally {
      await receiver.close();
    }
  });

  it('notifies both parties of an operator’s message', async () => {
    const order = await orderIn('disputed');
    must(await say('operator', order.orderId, '平台已介入'), 200);
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    for (const who of ['buyer', 'provider'] as const) {
      const items = (await inboxOf(who)).items.filter((n: any) => n.orderId === order.orderId && n.type === 'message');
      expect(items, who).toHaveLength(1);
    }
    const entries = (await readPartition(keys.orderPartition(order.orderId))).filter((i) => i.action === 'message');
    expect(entries).toHaveLength(1);
  });
});
