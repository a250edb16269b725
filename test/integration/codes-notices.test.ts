import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketCodes';
  // every log line the functions can write, so that the leak check below reads them all
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
});

import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { handler as upload } from '../../functions/codes/upload';
import { handler as listCodes } from '../../functions/codes/list';
import { handler as inbox } from '../../functions/notifications/list';
import { handler as buy } from '../../functions/orders/create';
import { handler as exportOrders } from '../../functions/orders/export';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as message } from '../../functions/orders/message';
import { handler as refund } from '../../functions/orders/refund';
import { handler as reveal } from '../../functions/orders/reveal';
import { handler as deliveries } from '../../functions/webhooks/deliveries';
import { handler as putWebhook } from '../../functions/webhooks/put';
import { keyContext } from '../../lib/codes/model';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { secretBox } from '../../lib/shared/secret-box';
import { newId } from '../../lib/shared/ids';
import { ensureMember } from '../../scripts/lib/organisations';
import { readItem, readPartition } from '../support/db';
import { invoke, user, type Call } from '../support/http';
import { mailsTo } from '../support/mail';
import { must, productIn } from '../support/products';
import { startReceiver } from '../support/receiver';
import { mintToken } from '../support/tokens';
import { batchFor, deliver, routeOnly, runStream, takePublished } from '../support/stream';

/** A person of their own (a token minted for a new subject), in the buyers group like every account. */
const person = () => {
  const sub = newId();
  return { sub, as: { token: mintToken({ sub, 'cognito:groups': ['buyers'] }) } };
};

/** The team admin's organisation (providerId = their user id), with a 商品管理 member and a 交付 member. */
const team = () => user('teamAdmin').id;
const productsMember = person();
const deliveryMember = person();

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
  for (const [p, role] of [
    [productsMember, 'products'],
    [deliveryMember, 'delivery'],
  ] as const) {
    await ensureMember(ddb, tableName, { providerId: team(), organisationName: 'team-admin@test.example', userId: p.sub, email: `${p.sub}@test.example`, role });
  }
});
afterAll(() => receiver.close());

/** A listed code product of the team with `count` codes on plan `basic`, each unique to this call. */
const codeProduct = async (count: number, tag = Math.random().toString(36).slice(2, 8)) => {
  const product = await productIn('listed', 'teamAdmin', { name: `兑换码 ${tag}`, serviceType: 'software', delivery: 'code', requirementsTemplate: [], requirementsBeforeStart: false });
  const codes = Array.from({ length: count }, (_, i) => `LEAK-${tag}-${String(i).padStart(4, '0')}-Zq`);
  must(await invoke(upload, { as: 'teamAdmin', params: { productId: product.productId }, body: { planId: 'basic', codes } }), 200);
  return { productId: product.productId as string, codes };
};

const stock = async (productId: string) => (await readItem(keys.codeStock(productId, 'basic')))!;

let sequence = 9_000_000;
/** The stream record DynamoDB writes for a change of the plan's stock item (old and new images). */
const stockChange = (before: Record<string, unknown>, after: Record<string, unknown>): DynamoDBRecord => ({
  eventID: newId(),
  eventName: 'MODIFY',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'us-east-1',
  dynamodb: {
    Keys: marshall({ PK: after.PK, SK: after.SK }) as never,
    OldImage: marshall(before, { removeUndefinedValues: true }) as never,
    NewImage: marshall(after, { removeUndefinedValues: true }) as never,
    SequenceNumber: String(++sequence).padStart(24, '0'),
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

/** Does `fn` (a purchase or an upload) and answers the stream record of the stock change it made. */
const changing = async <T>(productId: string, fn: () => Promise<T>): Promise<{ result: T; record: DynamoDBRecord }> => {
  const before = await stock(productId);
  const result = await fn();
  return { result, record: stockChange(before, await stock(productId)) };
};

const inboxOf = async (as: NonNullable<Call['as']>, lang = 'zh') =>
  must(await invoke(inbox, { as, query: { limit: '100' }, headers: { 'accept-language': lang } }), 200);
const lowNotices = async (as: NonNullable<Call['as']>, productId: string) =>
  (await inboxOf(as)).items.filter((n: { type: string; productId?: string }) => n.type === 'low-stock' && n.productId === productId);

describe('the low-stock notice (库存不足)', () => {
  it('tells the members who manage codes once when a purchase takes a plan below 10, again only after a restock', async () => {
    const { productId } = await codeProduct(12);
    // 12 → 9: the crossing
    const first = await changing(productId, async () => must(await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic', quantity: 3 } }), 201));
    // the batch delivered twice (a redelivered stream batch): one notice per person
    expect((await runStream({ Records: [first.record] })).batchItemFailures).toEqual([]);
    expect((await runStream({ Records: [first.record] })).batchItemFailures).toEqual([]);
    // 9 → 8: already below, nothing new
    const below = await changing(productId, async () => must(await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic' } }), 201));
    expect((await runStream({ Records: [below.record] })).batchItemFailures).toEqual([]);

    const admin = await lowNotices('teamAdmin', productId);
    expect(admin).toHaveLength(1);
    expect(admin[0]).toMatchObject({ title: '兑换码库存不足', read: false });
    expect(admin[0].body).toContain('仅剩 9 个兑换码');
    expect(admin[0].body).toContain('基础版');
    expect(await lowNotices(productsMember.as, productId)).toHaveLength(1);
    // a delivery member cannot upload codes: not told
    expect(await lowNotices(deliveryMember.as, productId)).toHaveLength(0);
    const english = (await inboxOf('teamAdmin', 'en')).items.find((n: { notificationId: string }) => n.notificationId === admin[0].notificationId);
    expect(english.title).toBe('Redemption codes running low');

    // restock 8 → 13 (no notice), then 13 → 9: a second crossing, a second notice
    const restock = await changing(productId, async () =>
      must(await invoke(upload, { as: 'teamAdmin', params: { productId }, body: { planId: 'basic', codes: ['MORE-aaaa1', 'MORE-aaaa2', 'MORE-aaaa3', 'MORE-aaaa4', 'MORE-aaaa5'].map((c) => `${c}-${productId.slice(-6)}`) } }), 200),
    );
    expect(restock.result.available).toBe(13);
    const again = await changing(productId, async () => must(await invoke(buy, { as: 'buyer2', body: { productId, planId: 'basic', quantity: 4 } }), 201));
    expect((await runStream({ Records: [restock.record, again.record, first.record] })).batchItemFailures).toEqual([]);
    const twice = await lowNotices('teamAdmin', productId);
    expect(twice).toHaveLength(2);
    expect(new Set(twice.map((n: { notificationId: string }) => n.notificationId)).size).toBe(2);

    // the administrator's default preferences include it: mailed once per crossing, linking to the 兑换码 page
    const mails = (await mailsTo(user('teamAdmin').email)).filter((m) => m.subject.includes('兑换码库存不足') && (m.body.text ?? '').includes(productId));
    expect(mails).toHaveLength(2);
    expect(mails[0].body.text).toContain(`/provider/products/${productId}/codes`);
  });

  it('is a documented product event with counts only, the same id on every delivery of the record', async () => {
    const { productId, codes } = await codeProduct(10);
    const { record } = await changing(productId, async () => must(await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic' } }), 201));
    await routeOnly({ Records: [record] });
    await routeOnly({ Records: [record] });
    const published = takePublished();
    expect(published).toHaveLength(2);
    expect(published[0].Detail).toBe(published[1].Detail);
    expect(published[0]).toMatchObject({ Source: 'marketplace.products', DetailType: 'product.stock_low' });
    const event = JSON.parse(published[0].Detail!);
    expect(event.data).toEqual({ productId, action: 'low-stock', role: 'system', detail: { planId: 'basic', available: 9, stock: 10, mark: 10 } });
    expect(published[0].Detail).not.toContain(codes[0]);
  });
});

/** The keyed hashes the table stores for codes of a product (what a leak of the hash would look like). */
const hashesOf = async (productId: string, codes: string[]) => {
  const sealed = (await readItem(keys.codeKey(productId)))!.sealedKey as string;
  const key = Buffer.from(await secretBox().open(sealed, keyContext(productId)), 'base64');
  return codes.map((c) => createHmac('sha256', key).update(c, 'utf8').digest('hex'));
};

describe('a code never leaks', () => {
  it('is absent from events, notifications, inboxes, webhooks, mails, the export, the timeline and the logs of purchase, reveal and refund', async () => {
    must(await invoke(putWebhook, { as: 'teamAdmin', body: { url: receiver.url } }), 200);
    receiver.received.length = 0;
    const logged: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: any, ...rest: any[]) => (logged.push(String(chunk)), write(chunk, ...rest)));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: any, ...rest: any[]) => (logged.push(String(chunk)), writeErr(chunk, ...rest)));
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '))),
    );
    let product: { productId: string; codes: string[] };
    let kept: { orderId: string };
    let refunded: { orderId: string };
    let revealedCodes: string[];
    const records: DynamoDBRecord[] = [];
    const events: string[] = [];
    try {
      product = await codeProduct(11, `leak${Math.random().toString(36).slice(2, 6)}`);
      const { productId } = product;
      // the purchase that crosses the mark (11 → 9), then one more; reveal the first, refund the second
      const a = await changing(productId, async () => must(await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic', quantity: 2 } }), 201));
      kept = a.result;
      records.push(a.record);
      const b = await changing(productId, async () => must(await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic' } }), 201));
      refunded = b.result;
      records.push(b.record);
      revealedCodes = must(await invoke(reveal, { as: 'buyer', params: { orderId: kept.orderId } }), 200).codes;
      expect(revealedCodes).toHaveLength(2);
      must(await invoke(message, { as: 'buyer', params: { orderId: kept.orderId }, body: { text: '收到了，谢谢' } }), 200);
      must(await invoke(refund, { as: 'buyer', params: { orderId: refunded.orderId }, body: { reason: '不需要了' } }), 200);
      // the stream: both orders' timelines, the product's, the stock changes; through the bus to every consumer
      const batch = [...(await batchFor(keys.orderPartition(kept.orderId))).Records, ...(await batchFor(keys.orderPartition(refunded.orderId))).Records, ...records];
      expect((await routeOnly({ Records: batch })).batchItemFailures).toEqual([]);
      const published = takePublished();
      expect(published.map((e) => e.DetailType)).toEqual(expect.arrayContaining(['order.created', 'order.status_changed', 'product.stock_low']));
      events.push(...published.map((e) => JSON.stringify(e)));
      await deliver(published);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      for (const s of consoleSpies) s.mockRestore();
    }
    const { productId, codes } = product!;
    const secrets = [...codes, ...(await hashesOf(productId, codes))];
    const clean = (what: string, text: string) => {
      for (const s of secrets) expect(text.includes(s), `${what} contains ${s.slice(0, 6)}…`).toBe(false);
    };
    // the revealed codes are really the product's (so each check below looks for the real thing)
    expect(codes).toEqual(expect.arrayContaining(revealedCodes!));

    // bus events and the function logs of the whole run (HTTP handlers, router, consumers)
    // (the logs were captured: every request's structured line is there)
    expect(logged.filter((l) => l.includes('"message":"answered"')).length).toBeGreaterThanOrEqual(5);
    clean('the logs', logged.join('\n'));
    clean('the bus events', events.join('\n'));

    // inboxes, both languages, of everyone told: the organisation's members and the buyer
    for (const as of ['teamAdmin', productsMember.as, deliveryMember.as, 'buyer'] as const) {
      for (const lang of ['zh', 'en']) clean(`an inbox (${lang})`, JSON.stringify(await inboxOf(as, lang)));
    }
    const told = (await inboxOf('teamAdmin')).items.filter((n: { orderId?: string; productId?: string }) => n.orderId === kept!.orderId || n.productId === productId);
    expect(told.map((n: { type: string }) => n.type)).toEqual(expect.arrayContaining(['create', 'low-stock']));
    // the stored notification items
    for (const [as, who] of [
      ['teamAdmin', team()],
      [productsMember.as, productsMember.sub],
      ['buyer', user('buyer').id],
    ] as const) {
      for (const n of (await inboxOf(as)).items) clean('notification items', JSON.stringify(await readItem(keys.notification(who, n.notificationId))));
    }

    // webhook bodies as received, and the delivery log
    const bodies = receiver.received.map((r) => r.body).join('\n');
    expect(bodies).toContain(kept!.orderId);
    clean('webhook bodies', bodies);
    clean('webhook deliveries', JSON.stringify(must(await invoke(deliveries, { as: 'teamAdmin', query: { limit: '100' } }), 200)));

    // mails to the administrator
    clean('mails', JSON.stringify(await mailsTo(user('teamAdmin').email)));
    clean('mails', JSON.stringify(await mailsTo(user('buyer').email)));

    // the export and the orders as the provider reads them, with their timelines
    const csv = await invoke(exportOrders, { as: 'teamAdmin' });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(kept!.orderId);
    clean('the export', String(csv.body));
    for (const o of [kept!, refunded!]) {
      clean('the order (provider)', JSON.stringify(must(await invoke(getOrder, { as: 'teamAdmin', params: { orderId: o.orderId } }), 200)));
      clean('the order partition', JSON.stringify(await readPartition(keys.orderPartition(o.orderId))));
    }
    // the 兑换码 page: hints only
    clean('the codes list', JSON.stringify(must(await invoke(listCodes, { as: 'teamAdmin', params: { productId }, query: { planId: 'basic' } }), 200)));
    // the product's partition (stock, hash key, timeline)
    clean('the product partition', JSON.stringify(await readPartition(keys.product(productId).PK)));
  }, 60_000);
});
