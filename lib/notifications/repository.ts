import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ddb, tableName } from '../db/client';
import { indexes, keys } from '../db/keys';
import { invalidCursor, queryPage } from '../db/query';
import { updateExpression } from '../db/item';
import { ConditionFailed, Expr, transactWrite } from '../db/write';
import { NotFoundError } from '../http/errors';
import type { Language } from '../orders/model';
import { inboxItem, notificationItem, OPERATORS_INBOX } from './items';
import type { NotificationItem, NotificationView } from './schemas';

/** A notification as stored; one written before `type` named the entity kept its action in `type`. */
const parseNotification = (i: Record<string, unknown>) =>
  notificationItem.parse(i.type === notificationItem.type ? i : { ...i, action: i.type });

/** Whether an inbox item is a notification (not the counter), as written now or before. */
const isNotification = (i: Record<string, unknown>) => notificationItem.is(i) || i.entity === 'notification';

/**
 * Records one notification for one recipient, idempotent per timeline entry and recipient: the item's
 * key is the entry's id under the recipient, so a redelivered entry is refused by its condition and the
 * unread counter is counted once, in the same transaction.
 */
export const recordNotification = async (n: NotificationItem): Promise<boolean> => {
  const counter = new Expr();
  const sets = inboxItem.identity(counter, { userId: n.recipientId });
  try {
    await transactWrite({
      notification: { Put: { TableName: tableName, Item: notificationItem.item(n), ConditionExpression: 'attribute_not_exists(PK)' } },
      counter: {
        Update: {
          TableName: tableName,
          Key: inboxItem.key({ userId: n.recipientId }),
          UpdateExpression: `${updateExpression(sets)} ADD ${counter.name('unreadCount')} ${counter.value(1)}`,
          ...counter.attrs(),
        },
      },
    });
    return true;
  } catch (err) {
    if (ConditionFailed.of(err, 'notification')) return false;
    throw err;
  }
};

export const toNotificationView = (n: NotificationItem, lang: Language): NotificationView => ({
  notificationId: n.notificationId,
  type: n.action,
  ...(n.orderId ? { orderId: n.orderId } : {}),
  ...(n.side ? { side: n.side } : {}),
  ...(n.productId ? { productId: n.productId } : {}),
  ...(n.applicationId ? { applicationId: n.applicationId } : {}),
  title: n.title[lang],
  body: n.body[lang],
  read: n.read,
  createdAt: n.createdAt,
});

/**
 * Access pattern: a user's inbox, newest first (GSI1), or only the unread (GSI2, sparse). The first page is
 * one Query that also returns the unread counter; a later page reads the counter beside it.
 */
export const listInbox = async (userId: string, q: InboxQuery, as: { operator?: boolean } = {}) => {
  if (as.operator) return listOperatorInbox(userId, q);
  const unreadOnly = q.unread === 'true';
  const pageQuery = queryPage({
    index: unreadOnly ? 'GSI2' : 'GSI1',
    pk: unreadOnly ? keys.userUnread(userId) : keys.userNotifications(userId),
    expr: new Expr(),
    limit: q.cursor ? q.limit : q.limit + 1,
    cursor: q.cursor,
    newestFirst: true,
    filter: q.unread === 'false' ? (e) => `${e.name('read')} = ${e.value(true)} OR ${e.name('SK')} = ${e.value(inboxItem.key({ userId }).SK)}` : undefined,
  });
  const counterRead = q.cursor
    ? ddb.send(new GetCommand({ TableName: tableName, Key: inboxItem.key({ userId }) })).then((o) => o.Item)
    : Promise.resolve(undefined);
  const [page, counterItem] = await Promise.all([pageQuery, counterRead]);
  const counter = counterItem ?? page.items.find((i) => i.SK === inboxItem.key({ userId }).SK);
  const items = page.items.filter(isNotification).map(parseNotification);
  return { items, nextCursor: page.nextCursor, unreadCount: Math.max(0, Number(counter?.unreadCount ?? 0)) };
};

type InboxQuery = { limit: number; cursor?: string; unread?: 'true' | 'false' };

// ---- The operators' shared inbox (docs/decisions.md, "Broadcasts that do not grow with the audience").
// A notice for the operators is one notification under the recipient OPERATORS_INBOX, counted by that inbox's
// counter (every notice ever recorded there). Each operator's own counter item keeps how many of them the
// operator has read (`operatorsRead`) and the time up to which all are read (`operatorsReadUpTo`, read-all);
// reading one notice alone writes the operator's read copy of it (same id and time, read) into their own inbox.

type Item = Record<string, unknown>;
/** Where an inbox item sorts in its inbox (the counter above every notification). */
const sortKeyOf = (i: Item) => (isNotification(i) ? keys.sortByTime(String(i.createdAt), String(i.notificationId)) : keys.inboxCounterSort);
/** The operators' read marker, from the operator's own counter item. */
const markerOf = (counter: Item | undefined) => ({
  read: Math.max(0, Number(counter?.operatorsRead ?? 0)),
  upTo: typeof counter?.operatorsReadUpTo === 'string' ? counter.operatorsReadUpTo : '',
});
const getItem = async (key: { PK: string; SK: string }, consistent = false) =>
  (await ddb.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: consistent }))).Item;

/** Where an operator's inbox page stopped in each of its two partitions (`null`: at the start; `end`: done). */
const mergedCursor = z.object({ own: z.string().nullable(), shared: z.string().nullable() }).strict();
const decodeMerged = (cursor: string) => {
  try {
    const parsed = mergedCursor.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // refused below
  }
  throw invalidCursor();
};
const END = 'end';

/**
 * An operator's inbox: their own partition and the operators' shared one, read side by side and merged
 * newest first (a notice the operator read alone appears once, as their read copy). A shared notice is read
 * when it is no newer than the operator's read-all time or has their copy; the unread count is their own
 * counter plus the shared notices they have not read (the shared counter less their `operatorsRead`).
 * The whole inbox is read at once (the two counters and the two Queries side by side); the unread list
 * reads the marker first (its range starts there) and drops the notices read alone (a GetItem per shared
 * notice on the page, in parallel).
 */
const listOperatorInbox = async (userId: string, q: InboxQuery) => {
  const position = q.cursor ? decodeMerged(q.cursor) : { own: null, shared: null };
  const unreadOnly = q.unread === 'true';
  const readOnly = q.unread === 'false';
  const own = inboxItem.key({ userId });
  const pool = inboxItem.key({ userId: OPERATORS_INBOX });
  const counters = Promise.all([getItem(own), getItem(pool)]);
  // the unread and read lists need the marker before the shared partition's range
  const marker = unreadOnly || readOnly ? markerOf((await counters)[0]) : undefined;
  const bound = (at: string) => keys.sortByTime(at, '~');
  const read = (stream: 'own' | 'shared') => {
    const cursor = position[stream];
    if (cursor === END) return Promise.resolve({ items: [] as Item[], nextCursor: null as string | null });
    const inbox = stream === 'own' ? userId : OPERATORS_INBOX;
    const sharedRange = unreadOnly && marker?.upTo ? { from: bound(marker.upTo) } : readOnly ? { to: marker?.upTo ? bound(marker.upTo) : '' } : undefined;
    if (stream === 'shared' && readOnly && !marker?.upTo) return Promise.resolve({ items: [] as Item[], nextCursor: null as string | null });
    return queryPage({
      index: unreadOnly && stream === 'own' ? 'GSI2' : 'GSI1',
      pk: unreadOnly && stream === 'own' ? keys.userUnread(inbox) : keys.userNotifications(inbox),
      range: stream === 'shared' ? sharedRange : undefined,
      expr: new Expr(),
      limit: q.limit + 1,
      cursor: cursor ?? undefined,
      newestFirst: true,
      filter: readOnly && stream === 'own' ? (e) => `${e.name('read')} = ${e.value(true)}` : undefined,
    });
  };
  const [[ownCounter, poolCounter], ownPage, sharedPage] = await Promise.all([counters, read('own'), read('shared')]);
  const m = marker ?? markerOf(ownCounter);
  const tagged = [
    ...ownPage.items.map((item) => ({ item, stream: 'own' as const })),
    ...sharedPage.items.map((item) => ({ item, stream: 'shared' as const })),
  ].sort((a, b) => (sortKeyOf(a.item) < sortKeyOf(b.item) ? 1 : sortKeyOf(a.item) > sortKeyOf(b.item) ? -1 : 0));
  // the page: notifications newest first, a shared notice the operator has a copy of once (the copy)
  const page: Array<{ item: Item; stream: 'own' | 'shared' }> = [];
  const seen = new Set<string>();
  const last: { own?: Item; shared?: Item } = {};
  let more = false;
  for (const t of tagged) {
    if (!isNotification(t.item)) {
      last[t.stream] = t.item;
      continue;
    }
    const id = String(t.item.notificationId);
    if (seen.has(id)) {
      last[t.stream] = t.item;
      continue;
    }
    if (page.length === q.limit) {
      more = true;
      break;
    }
    seen.add(id);
    page.push(t);
    last[t.stream] = t.item;
  }
  // in the unread list, a shared notice the operator read alone (their copy) is not unread
  let shown = page;
  if (unreadOnly) {
    const copies = await Promise.all(
      page.map((t) => (t.stream === 'shared' ? getItem(notificationItem.key({ recipientId: userId, notificationId: String(t.item.notificationId) })) : undefined)),
    );
    shown = page.filter((_, i) => !copies[i]);
  }
  const next = (stream: 'own' | 'shared', p: { items: Item[]; nextCursor: string | null }) => {
    const stop = last[stream];
    // nothing taken from this partition: it stays where it was, unless it answered nothing (then it is done,
    // or its reads stopped short of a match and go on from there)
    if (!stop) return p.items.length ? position[stream] : (p.nextCursor ?? END);
    const consumedAll = p.items[p.items.length - 1] === stop;
    if (consumedAll && !p.nextCursor) return END;
    // the key queryPage takes as a cursor: the table's key and the index's
    const index = indexes[unreadOnly && stream === 'own' ? 'GSI2' : 'GSI1'];
    return Buffer.from(JSON.stringify(Object.fromEntries(['PK', 'SK', index.pk, index.sk].map((k) => [k, stop[k]]))), 'utf8').toString('base64url');
  };
  const cursor = { own: next('own', ownPage), shared: next('shared', sharedPage) };
  const done = cursor.own === END && cursor.shared === END && !more;
  const items = shown.map(({ item, stream }) => {
    const n = parseNotification(item);
    return stream === 'shared' ? { ...n, recipientId: userId, read: m.upTo !== '' && n.createdAt <= m.upTo } : n;
  });
  const unreadShared = Math.max(0, Number(poolCounter?.unreadCount ?? 0) - m.read);
  return {
    items,
    nextCursor: done ? null : Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url'),
    unreadCount: Math.max(0, Number(ownCounter?.unreadCount ?? 0)) + unreadShared,
  };
};

/**
 * An operator reads one shared notice: their read copy of it is written (an update that creates it, only if
 * absent) and counted in their `operatorsRead`, in one transaction; a notice no newer than their read-all
 * time, or read before, is read already. Undefined: no such shared notice.
 */
const markSharedRead = async (userId: string, notificationId: string, now: Date): Promise<NotificationItem | undefined> => {
  const [notice, counter] = await Promise.all([
    getItem(notificationItem.key({ recipientId: OPERATORS_INBOX, notificationId })),
    getItem(inboxItem.key({ userId }), true),
  ]);
  if (!notice) return undefined;
  const shared = parseNotification(notice);
  const marker = markerOf(counter);
  if (marker.upTo && shared.createdAt <= marker.upTo) return { ...shared, recipientId: userId, read: true };
  const copy = notificationItem.item({ ...shared, recipientId: userId, read: true, readAt: now.toISOString() });
  const expr = new Expr();
  const sets = Object.entries(copy)
    .filter(([k]) => k !== 'PK' && k !== 'SK')
    .map(([k, v]) => `${expr.name(k)} = ${expr.value(v)}`);
  try {
    await transactWrite({
      copy: {
        Update: {
          TableName: tableName,
          Key: { PK: copy.PK as string, SK: copy.SK as string },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_not_exists(PK)',
          ...expr.attrs(),
        },
      },
      counter: {
        Update: {
          TableName: tableName,
          Key: inboxItem.key({ userId }),
          UpdateExpression: 'ADD operatorsRead :one',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    });
  } catch (err) {
    // read before (the copy exists): nothing more to count
    if (!ConditionFailed.of(err, 'copy')) throw err;
  }
  return { ...shared, recipientId: userId, read: true, readAt: now.toISOString() };
};

/**
 * An operator's read-all of the shared notices: every one recorded so far is read (their `operatorsRead`
 * becomes the shared counter as read now, and their read-all time `now`). One read and one write however
 * many notices there are; their own notifications are marked as everyone's are.
 */
const markSharedAllRead = async (userId: string, now: Date): Promise<number> => {
  const [pool, counter] = await Promise.all([getItem(inboxItem.key({ userId: OPERATORS_INBOX }), true), getItem(inboxItem.key({ userId }), true)]);
  const total = Math.max(0, Number(pool?.unreadCount ?? 0));
  const marker = markerOf(counter);
  const sets = new Expr();
  await ddb.send(
    new UpdateCommand({
      TableName: tableName,
      Key: inboxItem.key({ userId }),
      UpdateExpression: `${updateExpression(inboxItem.identity(sets, { userId }))}, ${sets.name('operatorsRead')} = ${sets.value(total)}, ${sets.name('operatorsReadUpTo')} = ${sets.value(now.toISOString())}`,
      ...sets.attrs(),
    }),
  );
  return Math.max(0, total - marker.read);
};

/** A notification marked read, only if it is still unread (it leaves the unread index, by its declaration); a write of any transaction. */
export const markReadUpdate = (key: { PK: string; SK: string }, now: Date) => {
  const expr = new Expr();
  const { sets, removes } = notificationItem.update(expr, { read: true, readAt: now.toISOString() });
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: updateExpression(sets, removes),
      ConditionExpression: `attribute_exists(PK) AND ${expr.eq('read', false)}`,
      ...expr.attrs(),
    },
  };
};

/** The inbox's unread counter moved by `delta`, in the same transaction as the marks it counts. */
export const unreadCountUpdate = (userId: string, delta: number) => ({
  Update: {
    TableName: tableName,
    Key: inboxItem.key({ userId }),
    UpdateExpression: 'ADD unreadCount :delta',
    ExpressionAttributeValues: { ':delta': delta },
  },
});

/** Marks one of the caller's notifications read; reading it twice is harmless. One write, one read. */
export const markRead = async (userId: string, notificationId: string, now: Date, as: { operator?: boolean } = {}) => {
  const key = notificationItem.key({ recipientId: userId, notificationId });
  try {
    await transactWrite({ notification: markReadUpdate(key, now), counter: unreadCountUpdate(userId, -1) });
  } catch (err) {
    if (!(err instanceof ConditionFailed)) throw err;
    if (err.failed === 'notification' && !err.item) {
      // not theirs: for an operator, a notice of the operators' shared inbox
      const shared = as.operator ? await markSharedRead(userId, notificationId, now) : undefined;
      if (shared) return shared;
      throw new NotFoundError('notification');
    }
  }
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  if (!out.Item) throw new NotFoundError('notification');
  return parseNotification(out.Item);
};

/** A mark's name in the read-all transaction: its notification's key. */
const markName = (i: Record<string, unknown>) => `mark:${String(i.PK)}`;

/** Marks per transaction: 99 notifications and the counter make DynamoDB's 100 items. */
const READ_ALL_BATCH = 99;

/**
 * Marks every unread notification created up to `now` read: pages of the sparse unread index (GSI2),
 * oldest first, each read once (the next page starts after it), each marked in one transaction that also
 * subtracts its marks from the counter, so the last transaction brings the counter to zero with its marks.
 * A notification arriving meanwhile is newer than `now`: it stays unread and counted. Those another request
 * marked read in between are refused by their condition: the transaction names every refused mark, and all
 * of them leave the batch at once, so a call that loses a race to another read-all costs one more
 * transaction per page, never one per notification.
 */
export const markAllRead = async (userId: string, now: Date, as: { operator?: boolean } = {}): Promise<{ marked: number }> => {
  const own = await markOwnAllRead(userId, now);
  return as.operator ? { marked: own.marked + (await markSharedAllRead(userId, now)) } : own;
};

const markOwnAllRead = async (userId: string, now: Date): Promise<{ marked: number }> => {
  const bound = keys.sortByTime(now.toISOString(), '~');
  let marked = 0;
  let cursor: string | undefined;
  do {
    const page = await queryPage({
      index: 'GSI2',
      pk: keys.userUnread(userId),
      range: { to: bound },
      expr: new Expr(),
      limit: READ_ALL_BATCH,
      cursor,
    });
    cursor = page.nextCursor ?? undefined;
    let batch = page.items.filter(isNotification);
    while (batch.length) {
      try {
        await transactWrite({
          ...Object.fromEntries(batch.map((i) => [markName(i), markReadUpdate({ PK: i.PK as string, SK: i.SK as string }, now)])),
          counter: unreadCountUpdate(userId, -batch.length),
        });
        marked += batch.length;
        batch = [];
      } catch (err) {
        // read meanwhile by another request: leave every refused mark out and mark the rest
        const refused = err instanceof ConditionFailed ? new Set(err.allFailed) : new Set<string>();
        const rest = batch.filter((i) => !refused.has(markName(i)));
        if (rest.length === batch.length) throw err;
        batch = rest;
      }
    }
  } while (cursor);
  return { marked };
};
