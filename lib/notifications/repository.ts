import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { queryPage } from '../db/query';
import { updateExpression } from '../db/item';
import { ConditionFailed, Expr, transactWrite } from '../db/write';
import { NotFoundError } from '../http/errors';
import type { Language } from '../orders/model';
import { inboxItem, notificationItem } from './items';
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
export const listInbox = async (userId: string, q: { limit: number; cursor?: string; unread?: 'true' | 'false' }) => {
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
export const markRead = async (userId: string, notificationId: string, now: Date) => {
  const key = notificationItem.key({ recipientId: userId, notificationId });
  try {
    await transactWrite({ notification: markReadUpdate(key, now), counter: unreadCountUpdate(userId, -1) });
  } catch (err) {
    if (!(err instanceof ConditionFailed)) throw err;
    if (err.failed === 'notification' && !err.item) throw new NotFoundError('notification');
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
export const markAllRead = async (userId: string, now: Date): Promise<{ marked: number }> => {
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
