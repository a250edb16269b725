import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ddb, tableName } from '../../lib/db/client';
import { updateExpression } from '../../lib/db/item';
import { indexes } from '../../lib/db/keys';
import { queryPage, unwrapRows } from '../../lib/db/query';
import { Expr } from '../../lib/db/write';
import { membershipItem } from '../../lib/providers/items';
import { newId } from '../../lib/shared/ids';
import { backfillRows, dropStaleIndexKeys } from '../../scripts/lib/rows';
import { orderIn } from '../support/orders';
import { keys } from '../../lib/db/keys';
import { readItem } from '../support/db';

/** A membership as stored before items had list rows: the declaration's item without `row`. */
const legacyMembership = async (providerId: string, userId: string) => {
  const { row, ...item } = membershipItem.item({
    userId,
    providerId,
    role: 'admin',
    organisationName: '旧数据',
    displayName: '旧成员',
    email: 'old@example.cn',
    joinedAt: '2026-01-01T00:00:00.000Z',
  });
  expect(row).toMatchObject({ userId, providerId, displayName: '旧成员' });
  await ddb.send(new PutCommand({ TableName: tableName, Item: item }));
  return item;
};

// the migration walks the whole shared test table, which every other file grows: its time is the table's size
describe('npm run migrate:rows', { timeout: 120_000 }, () => {
  it('gives every stored item of an indexed type its list row, once; items of no index get none', async () => {
    const providerId = newId();
    const [a, b] = [newId(), newId()];
    const stored = await legacyMembership(providerId, a);
    await legacyMembership(providerId, b);
    // a notification written before `type` named the entity names it in `entity`
    const notificationKey = { PK: `NOTIFICATION#${a}#${newId()}`, SK: 'NOTIFICATION' };
    await ddb.send(new PutCommand({ TableName: tableName, Item: { ...notificationKey, type: 'order.accepted', entity: 'notification', read: false } }));
    // an item in no index (a rate counter) is not an item with a row
    const counterKey = { PK: `RATE#${a}#test#60#${newId()}`, SK: 'RATE' };
    await ddb.send(new PutCommand({ TableName: tableName, Item: { ...counterKey, type: 'rate', count: 1 } }));

    const first = await backfillRows(ddb, tableName);
    expect(first.written).toBeGreaterThanOrEqual(3);
    const migrated = await readItem(membershipItem.key({ userId: a, providerId }));
    expect(migrated?.row).toEqual(membershipItem.rowOf(stored));
    expect((await readItem(notificationKey))?.row).toEqual({ entity: 'notification', read: false });
    expect(await readItem(counterKey)).not.toHaveProperty('row');

    // an update after it keeps the row current (a path in a map needs the map)
    const expr = new Expr();
    await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: membershipItem.key({ userId: a, providerId }),
        UpdateExpression: updateExpression(membershipItem.update(expr, { role: 'support' }).sets),
        ...expr.attrs(),
      }),
    );
    const team = await queryPage({ index: 'GSI1', pk: `PROVIDER#${providerId}#MEMBERS`, expr: new Expr(), limit: 10 });
    // both joined at the same time: in the order of their ids
    expect(team.items.map((m) => [m.userId, m.role])).toEqual(
      [
        [a, 'support'],
        [b, 'admin'],
      ].sort((x, y) => x[0].localeCompare(y[0])),
    );

    // a second run writes nothing it wrote before
    const before = await readItem(membershipItem.key({ userId: b, providerId }));
    await backfillRows(ddb, tableName);
    expect(await readItem(membershipItem.key({ userId: b, providerId }))).toEqual(before);
    for (const key of [notificationKey, counterKey]) await ddb.send(new DeleteCommand({ TableName: tableName, Key: key }));
  });

  it('an index answers the keys, `type`, the projected names and the row, which a reader unwraps', async () => {
    const providerId = newId();
    const userId = newId();
    const item = membershipItem.item({
      userId,
      providerId,
      role: 'admin',
      organisationName: '组织',
      displayName: '成员',
      email: 'm@example.cn',
      joinedAt: '2026-01-02T00:00:00.000Z',
    });
    // an attribute no declaration lists stays out of every index
    await ddb.send(new PutCommand({ TableName: tableName, Item: { ...item, unlisted: 'never in an index' } }));
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: indexes.GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': indexes.GSI1.pk },
        ExpressionAttributeValues: { ':pk': `PROVIDER#${providerId}#MEMBERS` },
      }),
    );
    const [raw] = out.Items ?? [];
    expect(Object.keys(raw).sort()).toEqual(['GSI1PK', 'GSI1SK', 'PK', 'SK', 'row', 'type']);
    expect(unwrapRows(out.Items)).toEqual([{ PK: item.PK, SK: item.SK, GSI1PK: item.GSI1PK, GSI1SK: item.GSI1SK, type: 'membership', ...(item.row as object) }]);
  });

  it('removes the index keys of places an order no longer has (GSI1, GSI2), once, and nothing else', async () => {
    const order = await orderIn('awaiting_start');
    const key = keys.order(order.orderId);
    const current = (await readItem(key))!;
    // as stored before a party's every-status list was its status partitions merged
    const stale = {
      GSI1PK: `PROVIDER#${order.providerId}#ORDERS`,
      GSI1SK: `${order.createdAt}#${order.orderId}`,
      GSI2PK: `BUYER#${order.buyerId}#ORDERS`,
      GSI2SK: `${order.createdAt}#${order.orderId}`,
    };
    await ddb.send(new PutCommand({ TableName: tableName, Item: { ...current, ...stale } }));
    const first = await dropStaleIndexKeys(ddb, tableName);
    expect(first.written).toBeGreaterThanOrEqual(1);
    expect(await readItem(key)).toEqual(current);
    const second = await dropStaleIndexKeys(ddb, tableName);
    expect(second.written).toBe(0);
  });
});
