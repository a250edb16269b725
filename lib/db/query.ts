import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { BadRequestError } from '../http/errors';
import { ddb, tableName } from './client';
import { indexes, type IndexName } from './keys';
import type { Expr } from './write';
import { msg } from '../i18n';
import { unwrapRows } from './row';

export { unwrapRow, unwrapRows } from './row';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// every key attribute of the table and its indexes is a non-empty string
const cursorShape = z.record(z.string(), z.string().min(1).max(1024));

/** The 400 every list answers to a cursor it did not issue. */
export const invalidCursor = () =>
  new BadRequestError('INVALID_CURSOR', msg('detail.invalidCursor'), [
    { path: 'cursor', message: msg('field.unknownCursor') },
  ]);

const encodeCursor = (key: Record<string, unknown> | undefined) =>
  key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;

/**
 * Accepts only a cursor whose keys are this query's key attributes, all non-empty strings, whose partition
 * is this partition and whose sort key lies in the range queried: DynamoDB refuses anything else with an
 * error that is no fault of ours.
 */
const decodeCursor = (cursor: string, allowed: string[], pkName: string, pkValue: string, skName: string, range?: SortRange) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const shape = cursorShape.safeParse(parsed);
  if (!shape.success) throw invalidCursor();
  const attrs = Object.keys(shape.data);
  if (attrs.length !== allowed.length || !allowed.every((a) => attrs.includes(a))) throw invalidCursor();
  if (shape.data[pkName] !== pkValue) throw invalidCursor();
  const sk = shape.data[skName];
  if (range && ((range.from !== undefined && sk < range.from) || (range.to !== undefined && sk > range.to))) throw invalidCursor();
  return shape.data;
};

/** A key condition on the sort key: `BETWEEN from AND to`, or either bound alone. */
export interface SortRange {
  from?: string;
  to?: string;
}

export interface PageQuery {
  index?: IndexName;
  pk: string;
  /** A key condition on the sort key (a cursor outside it is refused). */
  range?: SortRange;
  filter?: (expr: Expr) => string | undefined;
  expr: Expr;
  limit: number;
  cursor?: string;
  newestFirst?: boolean;
}

/** One Query, one page: `{ items, nextCursor }`. */
const rangeCondition = (skName: string, range: SortRange | undefined, expr: Expr) => {
  if (!range || (range.from === undefined && range.to === undefined)) return undefined;
  const sk = expr.name(skName);
  if (range.from !== undefined && range.to !== undefined) return `${sk} BETWEEN ${expr.value(range.from)} AND ${expr.value(range.to)}`;
  return range.from !== undefined ? `${sk} >= ${expr.value(range.from)}` : `${sk} <= ${expr.value(range.to)}`;
};

/** Reads a page with a filter expression may make before answering a shorter page with a cursor. */
const MAX_FILTERED_READS = 5;

/**
 * One page: `{ items, nextCursor }`, at most `limit` items. A key-condition page is one Query for
 * `limit + 1` items: the extra one says whether anything follows, so a cursor is never handed out when
 * nothing does. With a filter expression, up to five Queries fill the page; the cursor is then the key of
 * the last item answered, or where the reads stopped.
 */
export const queryPage = async ({ index, pk, range, filter, expr, limit, cursor, newestFirst }: PageQuery) => {
  const pkName = index ? indexes[index].pk : 'PK';
  const skName = index ? indexes[index].sk : 'SK';
  const keyNames = index ? ['PK', 'SK', pkName, skName] : ['PK', 'SK'];
  let start: Record<string, unknown> | undefined = cursor ? decodeCursor(cursor, keyNames, pkName, pk, skName, range) : undefined;
  const keyCondition = [expr.eq(pkName, pk), rangeCondition(skName, range, expr)].filter(Boolean).join(' AND ');
  // on an index, a filter reads the items' attributes in their list rows
  const filterExpression = (filter && (index ? expr.inRow(filter) : filter(expr))) || undefined;
  const items: Record<string, unknown>[] = [];
  for (let reads = 0; ; ) {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index,
        KeyConditionExpression: keyCondition,
        FilterExpression: filterExpression,
        ExclusiveStartKey: start,
        // without a filter every item read is answered: read one more than the page to know if more follow
        Limit: filterExpression ? Math.max(limit + 1, 25) : limit + 1 - items.length,
        ScanIndexForward: !newestFirst,
        ...expr.attrs(),
      }),
    );
    items.push(...(index ? unwrapRows(out.Items) : ((out.Items ?? []) as Record<string, unknown>[])));
    start = out.LastEvaluatedKey;
    reads++;
    if (items.length > limit) {
      const page = items.slice(0, limit);
      const last = page[page.length - 1];
      return { items: page, nextCursor: encodeCursor(Object.fromEntries(keyNames.map((k) => [k, last[k]]))) };
    }
    if (!start) return { items, nextCursor: null };
    if (!filterExpression || reads >= MAX_FILTERED_READS) return { items, nextCursor: encodeCursor(start) };
  }
};
