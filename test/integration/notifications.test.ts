import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketNotify';
});

import { handler as inbox } from '../../functions/notifications/list';
import { handler as markRead } from '../../functions/notifications/read';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as reject } from '../../functions/operator/reject';
import { keys } from '../../lib/db/keys';
import { newId } from '../../lib/shared/ids';
import { countRoundTrips, readItem, readPartition } from '../support/db';
import { handler as readAll } from '../../functions/notifications/read-all';
import { OPERATORS_INBOX } from '../../lib/notifications/items';
import type { TestUser } from '../support/global-setup';
import { invoke, user } from '../support/http';
import { ANSWERS, orderIn } from '../support/orders';
import { must, productIn } from '../support/products';
import { batchFor, insertRecord, modifyRecord, runStream } from '../support/stream';

const inboxOf = async (who: TestUser, query: Record<string, string> = {}) =>
  must(await invoke(inbox, { as: who, query: { limit: '100', ...query } }), 200);

describe('the stream function', () => {
  it('turns each new timeline entry into the other party’s notification, once per replay of the batch', async () => {
    const order = await orderIn('implementing');
    const batch = await batchFor(keys.orderPartition(order.orderId));
    const buyerBefore = (await inboxOf('buyer')).unreadCount;

    expect((await runStream(batch)).batchItemFailures).toEqual([]);
    expect((await runStream(batch)).batchItemFailures).toEqual([]);

    const provider = await inboxOf('provider');
    const mine = provider.items.filter((n: any) => n.orderId === order.orderId);
    expect(mine.map((n: any) => n.type).sort()).toEqual(['create', 'submit-requirements']);
    const buyer = await inboxOf('buyer');
    const theirs = buyer.items.filter((n: any) => n.orderId === order.orderId);
    expect(theirs).toEqual([
      expect.objectContaining({ type: 'start', title: '服务商已开始实施', read: false, notificationId: expect.any(String) }),
    ]);
    expect(buyer.unreadCount).toBe(buyerBefore + 1);
  });

  it('writes notifications in Chinese with English available', async () => {
    const order = await orderIn('implementing');
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    const chinese = await inboxOf('buyer');
    const zhItem = chinese.items.find((n: any) => n.orderId === order.orderId);
    const english = must(await invoke(inbox, { as: 'buyer', query: { limit: '100' }, headers: { 'accept-language': 'en' } }), 200);
    const enItem = english.items.find((n: any) => n.orderId === order.orderId);
    expect(zhItem.title).toBe('服务商已开始实施');
    expect(enItem.title).toBe('Work started');
  });

  it('tells the provider of a review decision, with the reason', async () => {
    const product = await productIn('in_review', 'provider2');
    must(await invoke(reject, { as: 'operator', params: { productId: product.productId }, body: { reason: '缺少资质证明', version: product.version } }), 200);
    await runStream(await batchFor(`PRODUCT#${product.productId}`));
    const items = (await inboxOf('provider2')).items.filter((n: any) => n.productId === product.productId);
    expect(items).toEqual([expect.objectContaining({ type: 'rejected', title: '商品审核驳回' })]);
    expect(items[0].body).toContain('缺少资质证明');
  });

  it('tells the operators of an appeal and of a product waiting for review', async () => {
    const disputed = await orderIn('disputed');
    await runStream(await batchFor(keys.orderPartition(disputed.orderId)));
    const product = await productIn('in_review', 'provider2');
    await runStream(await batchFor(`PRODUCT#${product.productId}`));
    const operator = await inboxOf('operator');
    expect(operator.items.filter((n: any) => n.orderId === disputed.orderId).map((n: any) => n.type)).toEqual(['appeal']);
    expect(operator.items.filter((n: any) => n.productId === product.productId)).toEqual([
      expect.objectContaining({ type: 'submitted', title: '新的商品待审核' }),
    ]);
    // the appealing buyer hears nothing of their own appeal; the provider does
    const buyer = (await inboxOf('buyer')).items.filter((n: any) => n.orderId === disputed.orderId && n.type === 'appeal');
    const provider = (await inboxOf('provider')).items.filter((n: any) => n.orderId === disputed.orderId && n.type === 'appeal');
    expect([buyer.length, provider.length]).toEqual([0, 1]);
  });

  it('reports only the failing record of a batch, and ignores records that are not timeline entries', async () => {
    const order = await orderIn('awaiting_start');
    const good = await batchFor(keys.orderPartition(order.orderId));
    const broken = insertRecord({ PK: 'ORDER#X', SK: 'TIMELINE#x', type: 'timeline', entity: 'order', entryId: newId(), action: 'teleport' });
    const notTimeline = insertRecord({ PK: `ORDER#${order.orderId}`, SK: 'ORDER', type: 'order', status: 'awaiting_start' });
    const result = await runStream({ Records: [modifyRecord(), ...good.Records, broken, notTimeline] });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: broken.dynamodb!.SequenceNumber }]);
    const provider = await inboxOf('provider');
    expect(provider.items.filter((n: any) => n.orderId === order.orderId)).toHaveLength(1);
  });

  it('reads an empty map written the way DynamoDB Local’s stream writes it ({} with no type)', async () => {
    const order = await orderIn('implementing');
    const batch = await batchFor(keys.orderPartition(order.orderId));
    const startRecord = batch.Records.find((r) => r.dynamodb!.NewImage!.action.S === 'start')!;
    startRecord.dynamodb!.NewImage!.data = {} as never;
    expect((await runStream({ Records: [startRecord] })).batchItemFailures).toEqual([]);
    const buyer = (await inboxOf('buyer')).items.filter((n: any) => n.orderId === order.orderId);
    expect(buyer.map((n: any) => n.type)).toEqual(['start']);
  });

  it('notifies the reminded party of a reminder and both parties of an automatic step', async () => {
    const order = await orderIn('awaiting_confirmation');
    const entries = await readPartition(keys.orderPartition(order.orderId));
    const entry = (action: string, data: Record<string, unknown> = {}) => ({
      ...entries.find((e) => e.type === 'timeline')!,
      SK: `TIMELINE#${new Date().toISOString()}#${action}`,
      entryId: newId(),
      action,
      actor: 'system',
      role: 'system',
      from: 'awaiting_confirmation',
      to: action === 'auto-confirm' ? 'completed' : 'awaiting_confirmation',
      data,
    });
    const remind = entry('remind', { reminder: 'buyer-confirm-1@x', recipient: 'buyer' });
    const auto = entry('auto-confirm');
    await runStream({ Records: [insertRecord(remind), insertRecord(auto)] });
    const buyer = (await inboxOf('buyer')).items.filter((n: any) => n.orderId === order.orderId).map((n: any) => n.type);
    const provider = (await inboxOf('provider')).items.filter((n: any) => n.orderId === order.orderId).map((n: any) => n.type);
    expect(buyer.sort()).toEqual(['auto-confirm', 'remind']);
    expect(provider).toEqual(['auto-confirm']);
  });
});

describe('the inbox (站内信)', () => {
  it('lists newest first with the unread count, filters unread, and marks read once', async () => {
    const order = await orderIn('awaiting_start', { buyer: 'buyer2', provider: 'provider2' });
    must(await invoke(requirements, { as: 'buyer2', params: { orderId: order.orderId }, body: { answers: ANSWERS } }), 200);
    await runStream(await batchFor(keys.orderPartition(order.orderId)));

    const { result: first, roundTrips } = await countRoundTrips(() => invoke(inbox, { as: 'provider2', query: { limit: '5' } }));
    expect(roundTrips).toBe(1);
    const times = first.body.items.map((n: any) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const unreadBefore = first.body.unreadCount;
    expect(unreadBefore).toBeGreaterThanOrEqual(2);

    const target = first.body.items.find((n: any) => n.orderId === order.orderId);
    const read = must(await invoke(markRead, { as: 'provider2', params: { notificationId: target.notificationId } }), 200);
    expect(read.read).toBe(true);
    must(await invoke(markRead, { as: 'provider2', params: { notificationId: target.notificationId } }), 200);

    const after = await inboxOf('provider2', { unread: 'true' });
    expect(after.unreadCount).toBe(unreadBefore - 1);
    expect(after.items.map((n: any) => n.notificationId)).not.toContain(target.notificationId);
    for (const n of after.items) expect(n.read).toBe(false);
  });

  it('lets only the recipient see or mark a notification', async () => {
    const order = await orderIn('implementing', { buyer: 'buyer2', provider: 'provider2' });
    await runStream(await batchFor(keys.orderPartition(order.orderId)));
    const mine = (await inboxOf('buyer2')).items.find((n: any) => n.orderId === order.orderId);
    for (const stranger of ['buyer', 'provider', 'provider2', 'operator'] as const) {
      const res = await invoke(markRead, { as: stranger, params: { notificationId: mine.notificationId } });
      expect(res.status).toBe(404);
      const list = await inboxOf(stranger);
      expect(list.items.map((n: any) => n.notificationId)).not.toContain(mine.notificationId);
    }
    expect((await invoke(inbox, {})).status).toBe(401);
  });

  it('pages with a cursor and refuses a foreign one', async () => {
    const page = await inboxOf('provider', { limit: '1' });
    expect(page.items).toHaveLength(1);
    const next = must(await invoke(inbox, { as: 'provider', query: { limit: '1', cursor: page.nextCursor } }), 200);
    expect(next.items[0]?.notificationId).not.toBe(page.items[0].notificationId);
    expect(next.unreadCount).toBe(page.unreadCount);
    expect((await invoke(inbox, { as: 'buyer', query: { cursor: page.nextCursor } })).status).toBe(400);
  });

  it('answers 404 for a notification id that is not one', async () => {
    expect((await invoke(markRead, { as: 'buyer', params: { notificationId: newId() } })).status).toBe(404);
    expect((await invoke(markRead, { as: 'buyer', params: { notificationId: 'nope' } })).status).toBe(404);
  });
});

describe('the operators’ shared inbox (a broadcast does not grow with the audience)', () => {
  const submitted = async () => {
    const product = await productIn('in_review', 'provider2');
    const batch = await batchFor(`PRODUCT#${product.productId}`);
    return { product, batch };
  };
  const noticeOf = async (productId: string, who: TestUser = 'operator') =>
    (await inboxOf(who)).items.find((n: any) => n.productId === productId && n.type === 'submitted');

  it('records a submission once, for every operator, however often the batch is delivered', async () => {
    const { product, batch } = await submitted();
    const poolBefore = (await readItem(keys.inbox(OPERATORS_INBOX)))?.unreadCount ?? 0;
    await runStream(batch);
    await runStream(batch);
    const notice = await noticeOf(product.productId);
    expect(notice).toMatchObject({ read: false, title: '新的商品待审核' });
    // one notice and one counter, not one per operator
    expect(await readItem(keys.notification(OPERATORS_INBOX, notice.notificationId))).toMatchObject({ recipientId: OPERATORS_INBOX, read: false });
    for (const op of ['operator', 'operatorBuyer', 'operatorProvider'] as const) {
      expect(await readItem(keys.notification(user(op).id, notice.notificationId))).toBeUndefined();
      expect(await noticeOf(product.productId, op)).toMatchObject({ notificationId: notice.notificationId, read: false });
    }
    expect((await readItem(keys.inbox(OPERATORS_INBOX)))?.unreadCount).toBe(poolBefore + 1);
  });

  it('keeps each operator’s read state and unread count their own', async () => {
    const { product, batch } = await submitted();
    const before = { a: (await inboxOf('operator')).unreadCount, b: (await inboxOf('operatorBuyer')).unreadCount };
    await runStream(batch);
    const notice = await noticeOf(product.productId);
    expect((await inboxOf('operator')).unreadCount).toBe(before.a + 1);
    expect((await inboxOf('operatorBuyer')).unreadCount).toBe(before.b + 1);

    const read = must(await invoke(markRead, { as: 'operator', params: { notificationId: notice.notificationId } }), 200);
    expect(read).toMatchObject({ notificationId: notice.notificationId, read: true });
    // twice is harmless and counts once
    must(await invoke(markRead, { as: 'operator', params: { notificationId: notice.notificationId } }), 200);
    const mine = await inboxOf('operator');
    expect(mine.unreadCount).toBe(before.a);
    expect(mine.items.filter((n: any) => n.notificationId === notice.notificationId)).toEqual([expect.objectContaining({ read: true })]);
    expect((await inboxOf('operator', { unread: 'true' })).items.map((n: any) => n.notificationId)).not.toContain(notice.notificationId);
    expect((await inboxOf('operator', { unread: 'false' })).items.map((n: any) => n.notificationId)).toContain(notice.notificationId);
    // the other operator still has it unread
    expect(await noticeOf(product.productId, 'operatorBuyer')).toMatchObject({ read: false });
    expect((await inboxOf('operatorBuyer', { unread: 'true' })).items.map((n: any) => n.notificationId)).toContain(notice.notificationId);
    // nobody else can read it
    expect((await invoke(markRead, { as: 'provider2', params: { notificationId: notice.notificationId } })).status).toBe(404);
    expect((await inboxOf('provider2')).items.map((n: any) => n.notificationId)).not.toContain(notice.notificationId);

    // read-all: every shared notice so far is read for them, in one write
    must(await invoke(readAll, { as: 'operatorBuyer', headers: { 'idempotency-key': newId() } }), 200);
    const after = await inboxOf('operatorBuyer');
    expect(after.unreadCount).toBe(0);
    expect(after.items.find((n: any) => n.notificationId === notice.notificationId)).toMatchObject({ read: true });
    // a later submission is unread again
    const later = await submitted();
    await runStream(later.batch);
    expect((await inboxOf('operatorBuyer')).unreadCount).toBe(1);
    expect(await noticeOf(later.product.productId, 'operatorBuyer')).toMatchObject({ read: false });
  });

  it('pages an operator’s inbox across their own and the shared notices, each once, and refuses a foreign cursor', async () => {
    for (let i = 0; i < 2; i++) await runStream((await submitted()).batch);
    const all = (await inboxOf('operator')).items.map((n: any) => n.notificationId);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = must(await invoke(inbox, { as: 'operator', query: { limit: '2', ...(cursor ? { cursor } : {}) } }), 200);
      paged.push(...page.items.map((n: any) => n.notificationId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    // an operator whose own inbox is empty pages the shared one to its end
    for (const who of ['operatorProvider', 'operatorBuyer'] as const) {
      const everything = (await inboxOf(who)).items.map((n: any) => n.notificationId);
      const pages: string[] = [];
      let at: string | undefined;
      for (let i = 0; i < 50; i++) {
        const page = must(await invoke(inbox, { as: who, query: { limit: '3', ...(at ? { cursor: at } : {}) } }), 200);
        pages.push(...page.items.map((n: any) => n.notificationId));
        at = page.nextCursor ?? undefined;
        if (!at) break;
      }
      expect(at).toBeUndefined();
      expect(pages).toEqual(everything);
    }
    const first = must(await invoke(inbox, { as: 'operator', query: { limit: '1' } }), 200);
    expect((await invoke(inbox, { as: 'provider', query: { cursor: first.nextCursor } })).status).toBe(400);
    const providers = must(await invoke(inbox, { as: 'provider', query: { limit: '1' } }), 200);
    expect((await invoke(inbox, { as: 'operator', query: { cursor: providers.nextCursor } })).status).toBe(400);
  });
});
