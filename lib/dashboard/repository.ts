import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { ConditionFailed, transactWrite } from '../db/write';
import type { OrderEvent } from '../events/contracts';
import { entryOf, orderOf } from '../events/order';
import type { OrderItem, TimelineEntry } from '../orders/schemas';
import { dashboardDayItem, dashboardMarkItem, dashboardStatusItem } from './items';
import { dashboardDelta, toDashboardView, type DashboardDelta } from './model';

/** Markers outlive the stream's 24-hour retention and any replay of it. */
const MARK_TTL_S = 30 * 24 * 60 * 60;

const addExpression = (counts: Record<string, number | undefined>, prefix = '') => {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts = Object.entries(counts)
    .filter(([, n]) => n)
    .map(([k, n], i) => {
      names[`#c${i}`] = `${prefix}${k}`;
      values[`:c${i}`] = n!;
      return `#c${i} :c${i}`;
    });
  return { parts, names, values };
};

/** The transaction of one entry: its marker (once only), the day's counters and the status counters. */
const countWrites = (entryId: string, d: DashboardDelta, now: Date) => {
  const day = addExpression(d.counts);
  const status = addExpression(d.status, 's_');
  return {
    mark: {
      Put: {
        TableName: tableName,
        Item: dashboardMarkItem.item({ entryId, expiresAt: Math.floor(now.getTime() / 1000) + MARK_TTL_S }),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    day: day.parts.length > 0 && {
      Update: {
        TableName: tableName,
        Key: dashboardDayItem.key(d),
        UpdateExpression: `SET #type = :type, #day = :day ADD ${day.parts.join(', ')}`,
        ExpressionAttributeNames: { ...day.names, '#type': 'type', '#day': 'day' },
        ExpressionAttributeValues: { ...day.values, ':type': dashboardDayItem.type, ':day': d.day },
      },
    },
    status: status.parts.length > 0 && {
      Update: {
        TableName: tableName,
        Key: dashboardStatusItem.key(d),
        UpdateExpression: `SET #type = :type ADD ${status.parts.join(', ')}`,
        ExpressionAttributeNames: { ...status.names, '#type': 'type' },
        ExpressionAttributeValues: { ...status.values, ':type': dashboardStatusItem.type },
      },
    },
  };
};

/**
 * Stream listener: counts one order timeline entry into its provider's dashboard exactly once, whatever
 * the redeliveries: the entry's marker is written in the same transaction as the counters.
 */
export const countOrderEntry = async (entry: TimelineEntry, order: OrderItem, now = new Date()): Promise<boolean> => {
  const delta = dashboardDelta(entry, order);
  if (!delta) return false;
  try {
    await transactWrite(countWrites(entry.entryId, delta, now));
    return true;
  } catch (err) {
    if (ConditionFailed.of(err, 'mark')) return false;
    throw err;
  }
};

/**
 * Access pattern: a provider's dashboard for a period: one Query of the day items (≤ 366, under 1 MB)
 * beside one GetItem of the status counters, whatever the number of orders.
 */
export const readDashboard = async (providerId: string, from: string, to: string) => {
  const pk = keys.dashboard(providerId);
  const [days, status] = await Promise.all([
    ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': keys.dashboardDay(from), ':to': keys.dashboardDay(to) },
      }),
    ),
    ddb.send(new GetCommand({ TableName: tableName, Key: dashboardStatusItem.key({ providerId }) })),
  ]);
  return toDashboardView(from, to, (days.Items ?? []) as never, status.Item);
};

/** The dashboard consumer: every order event into its provider's counters (once per event id). */
export const countOrderEvent = async (event: OrderEvent): Promise<boolean> => countOrderEntry(entryOf(event), await orderOf(event));
