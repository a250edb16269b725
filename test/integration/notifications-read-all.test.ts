import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketOps';
});

import { handler as inbox } from '../../functions/notifications/list';
import { handler as readAll } from '../../functions/notifications/read-all';
import { handler as markRead } from '../../functions/notifications/read';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { config } from '../../lib/config';
import { ddb, tableName } from '../../lib/db/client';
import { markAllRead, markReadUpdate, recordNotification, unreadCountUpdate } from '../../lib/notifications/repository';
import { newId } from '../../lib/shared/ids';
import { countCalls } from '../support/db';
import type { TestUser } from '../support/global-setup';
import { invoke, user } from '../support/http';
import { must } from '../support/products';

// buyer2's inbox in this table belongs to this file alone
const WHO: TestUser = 'buyer2';

const notify = (createdAt = new Date()) =>
  recordNotification({
    notificationId: newId(createdAt.getTime()),
    recipientId: user(WHO).id,
    action: 'start',
    orderId: newId(),
    title: { zh: '服务商已开始实施', en: 'Work started' },
    body: { zh: '正文', en: 'Body' },
    read: false,
    createdAt: createdAt.toISOString(),
  });

const unread = async () => {
  const page = must(await invoke(inbox, { as: WHO, query: { unread: 'true', limit: '100' } }), 200);
  return { count: page.unreadCount as number, listed: page.items.length as number };
};

describe('POST /notifications/read-all', () => {
  it('marks more than one transaction’s worth read and brings the counter to zero', async () => {
    for (let i = 0; i < 110; i++) await notify();
    const before = await unread();
    expect(before.count).toBeGreaterThanOrEqual(110);
    const res = must(await invoke(readAll, { as: WHO, method: 'POST' }), 200);
    expect(res.marked).toBe(before.count);
    expect(await unread()).toEqual({ count: 0, listed: 0 });
    // again: nothing to do
    expect(must(await invoke(readAll, { as: WHO }), 200).marked).toBe(0);
  }, 120_000);

  it('leaves what arrives after it began unread and counted', async () => {
    const now = new Date();
    for (let i = 0; i < 5; i++) await notify(new Date(now.getTime() - 1000));
    for (let i = 0; i < 3; i++) await notify(new Date(now.getTime() + 1000));
    const { marked } = await markAllRead(user(WHO).id, now);
    expect(marked).toBe(5);
    expect(await unread()).toEqual({ count: 3, listed: 3 });
    await markAllRead(user(WHO).id, new Date(now.getTime() + 2000));
  });

  it('keeps the counter equal to the unread notifications when marks and arrivals race it', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const at = new Date(Date.now() - 500);
      const id = newId(at.getTime());
      await recordNotification({
        notificationId: id, recipientId: user(WHO).id, action: 'start', orderId: newId(),
        title: { zh: 't', en: 't' }, body: { zh: 'b', en: 'b' }, read: false, createdAt: at.toISOString(),
      });
      ids.push(id);
    }
    // conflicting transactions on the one counter may refuse some of these (409, retryable): whatever wins, the count is right
    await Promise.allSettled([
      invoke(readAll, { as: WHO }),
      ...ids.slice(0, 10).map((notificationId) => invoke(markRead, { as: WHO, params: { notificationId } })),
      ...Array.from({ length: 10 }, () => notify()),
      invoke(readAll, { as: WHO }),
    ]);
    const after = await unread();
    expect(after.count).toBe(after.listed);
  }, 120_000);

  it('is for signed-in users only', async () => {
    expect((await invoke(readAll, {})).status).toBe(401);
  });

  it('replays a keyed read-all without writing again', async () => {
    for (let i = 0; i < 3; i++) await notify();
    const call = { as: WHO, headers: { 'idempotency-key': newId() } };
    const first = must(await invoke(readAll, call), 200);
    await notify();
    const retry = await countCalls(() => invoke(readAll, call));
    expect(retry.result.headers['idempotent-replayed']).toBe('true');
    expect(retry.result.body).toEqual(first);
    expect(retry.writes).toBe(0);
    expect((await unread()).count).toBe(1);
    await markAllRead(user(WHO).id, new Date(Date.now() + 1000));
  });
});

describe('read-all losing races', () => {
  // another request's marks, sent on a client of its own so that they are not counted as this call's
  const other = DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: config.region, endpoint: config.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );

  it('leaves out every notification another request marked meanwhile in one more transaction, not one per notification', async () => {
    const at = new Date(Date.now() - 1000);
    for (let i = 0; i < 120; i++) await notify(at);
    // just before this call's first transaction, another request marks 50 of its page read
    let armed = true;
    const race = (next: any, context: any) => async (args: any) => {
      if (armed && /^TransactWrite/.test(context.commandName)) {
        armed = false;
        const keyOf = (k: any) => (typeof k.SK === 'string' ? k : unmarshall(k));
        const marks = (args.input.TransactItems as any[]).map((t) => t.Update?.Key && keyOf(t.Update.Key)).filter((k) => k?.SK === 'NOTIFICATION').slice(0, 50);
        await other.send(
          new TransactWriteCommand({
            TableName: tableName,
            TransactItems: [...marks.map((k) => markReadUpdate(k, new Date())), unreadCountUpdate(user(WHO).id, -marks.length)],
          } as never),
        );
      }
      return next(args);
    };
    ddb.middlewareStack.add(race, { step: 'initialize', name: 'raceReadAll' });
    try {
      const { result, roundTrips } = await countCalls(() => markAllRead(user(WHO).id, new Date()));
      expect(result.marked).toBe(70);
      // page 1: Query, the refused transaction, the transaction of the 49 left; page 2: Query, transaction
      expect(roundTrips).toBe(5);
    } finally {
      ddb.middlewareStack.remove('raceReadAll');
    }
    expect(await unread()).toEqual({ count: 0, listed: 0 });
  }, 120_000);

  it('finishes three simultaneous read-alls of 247 unread in a bounded number of round trips', async () => {
    const at = new Date(Date.now() - 1000);
    for (let i = 0; i < 247; i++) await notify(at);
    const now = new Date();
    const { result, roundTrips } = await countCalls(() => Promise.all([0, 1, 2].map(() => markAllRead(user(WHO).id, now))));
    expect(result.reduce((n, r) => n + r.marked, 0)).toBe(247);
    // each call: three pages, each a Query and at most two transactions (one refused, naming every lost mark)
    expect(roundTrips).toBeLessThanOrEqual(3 * 3 * 3);
    expect(await unread()).toEqual({ count: 0, listed: 0 });
  }, 120_000);
});
