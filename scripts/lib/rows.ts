import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ROW } from '../../lib/db/item';
import { ITEM_DECLARATIONS } from '../../lib/items';
import { indexes } from '../../lib/db/keys';

/** The declarations of the item types that have a list row (they live in an index), by their `type`. */
const withRows = () => {
  const byType = new Map<string, (typeof ITEM_DECLARATIONS)[number]>();
  for (const d of ITEM_DECLARATIONS) {
    if (!d.hasRow) continue;
    if (byType.has(d.type)) throw new Error(`two item types with a list row share the type ${d.type}`);
    byType.set(d.type, d);
  }
  return byType;
};

/**
 * The migration to list rows (`npm run migrate:rows`; docs/decisions.md, "List rows"): a Scan for the items
 * of a type that lives in an index and has no `row` yet, each given the row its declaration builds from its
 * stored attributes, by a conditional update (only while it still has none: a write meanwhile that made one
 * wins). Safe to run again: an item with a row is passed over. It scans, so it is a script, never a function.
 */
export const backfillRows = async (db: DynamoDBDocumentClient, table: string) => {
  const byType = withRows();
  const counts = { scanned: 0, written: 0, skipped: 0 };
  const types = [...byType.keys()];
  const names: Record<string, string> = { '#type': 'type', '#entity': 'entity', '#row': ROW };
  const values = Object.fromEntries(types.map((t, i) => [`:t${i}`, t]));
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: table,
        // an item written before `type` named the entity (a notification) names it in `entity`
        FilterExpression: `attribute_not_exists(#row) AND (#type IN (${types.map((_, i) => `:t${i}`).join(', ')}) OR #entity IN (${types.map((_, i) => `:t${i}`).join(', ')}))`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ExclusiveStartKey: start,
      }),
    );
    counts.scanned += page.ScannedCount ?? 0;
    for (const item of page.Items ?? []) {
      const declaration = byType.get(String(item.type)) ?? byType.get(String(item.entity))!;
      try {
        await db.send(
          new UpdateCommand({
            TableName: table,
            Key: { PK: item.PK, SK: item.SK },
            UpdateExpression: 'SET #row = :row',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#row)',
            ExpressionAttributeNames: { '#row': ROW },
            ExpressionAttributeValues: { ':row': declaration.rowOf(item) },
          }),
        );
        counts.written++;
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
        counts.skipped++;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return counts;
};

/**
 * Index keys an item keeps from a place its declaration no longer has (an order's every-status lists, GSI1
 * and GSI2, which are now its status partitions merged): removed, so that the item leaves those indexes and
 * no write of it pays for them again. A Scan for the items of a declared type with such keys, each updated by
 * a conditional REMOVE. Safe to run again: an item without stale keys is passed over. A script, never a function.
 */
export const dropStaleIndexKeys = async (db: DynamoDBDocumentClient, table: string) => {
  const stale = new Map<string, string[]>();
  for (const d of ITEM_DECLARATIONS) {
    if (!d.hasRow) continue;
    const placed = new Set(d.places().map(([name]) => name));
    const keys = Object.values(indexes)
      .filter((i) => !placed.has(i.name))
      .flatMap((i) => [i.pk, i.sk]);
    stale.set(d.type, keys);
  }
  const counts = { scanned: 0, written: 0 };
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = {};
  const clauses = [...stale.entries()].map(([type, attrs], i) => {
    values[`:t${i}`] = type;
    attrs.forEach((a) => (names[`#${a}`] = a));
    return `(#type = :t${i} AND (${attrs.map((a) => `attribute_exists(#${a})`).join(' OR ')}))`;
  });
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({ TableName: table, FilterExpression: clauses.join(' OR '), ExpressionAttributeNames: names, ExpressionAttributeValues: values, ExclusiveStartKey: start }),
    );
    counts.scanned += page.ScannedCount ?? 0;
    for (const item of page.Items ?? []) {
      const present = (stale.get(String(item.type)) ?? []).filter((a) => a in item);
      if (!present.length) continue;
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: { PK: item.PK, SK: item.SK },
          UpdateExpression: `REMOVE ${present.map((a) => `#${a}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: Object.fromEntries(present.map((a) => [`#${a}`, a])),
        }),
      );
      counts.written++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return counts;
};
