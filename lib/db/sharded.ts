import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { BadRequestError } from '../http/errors';
import { ddb, tableName } from './client';
import { indexes, type IndexName } from './keys';
import { Expr } from './write';

type Item = Record<string, unknown>;

/** One partition of a merged list, with an optional extra key condition on its sort key. */
export interface Shard {
  pk: string;
  /** e.g. `begins_with(#sk, :p)`; combined with the page's bounds. */
  sk?: (sk: string, expr: Expr) => string;
}

export interface MergedQuery {
  index: IndexName;
  /** What the cursor is bound to: a cursor of another list answers 400. */
  list: string;
  shards: Shard[];
  /** Inclusive sort-key bounds (strings), e.g. a purchase-time range. */
  from?: string;
  to?: string;
  filter?: (expr: Expr) => string | undefined;
  limit: number;
  cursor?: string;
  newestFirst: boolean;
}

const cursorSchema = z.object({ l: z.string().max(200), a: z.string().min(1).max(300) }).strict();

const invalidCursor = () =>
  new BadRequestError('INVALID_CURSOR', 'The cursor was not issued for this list.', [{ path: 'cursor', message: 'unknown cursor' }]);

const decode = (cursor: string, list: string): string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const c = cursorSchema.safeParse(parsed);
  if (!c.success || c.data.l !== list) throw invalidCursor();
  return c.data.a;
};

const encode = (list: string, after: string) => Buffer.from(JSON.stringify({ l: list, a: after }), 'utf8').toString('base64url');

const keyCondition = (skName: string, expr: Expr, lower?: string, upper?: string) => {
  if (lower !== undefined && upper !== undefined) return `${skName} BETWEEN ${expr.value(lower)} AND ${expr.value(upper)}`;
  if (lower !== undefined) return `${skName} >= ${expr.value(lower)}`;
  if (upper !== undefined) return `${skName} <= ${expr.value(upper)}`;
  return undefined;
};

/**
 * Access pattern: one page of a list spread over several partitions (shards), newest (or oldest) first.
 * Every shard is queried once, in parallel, for keys beyond the cursor; the answers are merged. A shard
 * that stopped early sets a floor past which nothing is returned, so a later page never skips its items.
 */
export const queryMerged = async (q: MergedQuery): Promise<{ items: Item[]; nextCursor: string | null }> => {
  const { pk: pkName, sk: skName } = indexes[q.index];
  const after = q.cursor ? decode(q.cursor, q.list) : undefined;
  // the bounds of this page, inclusive; the cursor's own item is dropped below
  let lower = q.from;
  let upper = q.to;
  if (after !== undefined) {
    if (q.newestFirst) upper = upper === undefined || after < upper ? after : upper;
    else lower = lower === undefined || after > lower ? after : lower;
  }
  const sortKey = (i: Item) => String(i[skName]);
  const answers = await Promise.all(
    q.shards.map(async (shard) => {
      if (lower !== undefined && upper !== undefined && lower > upper) return { items: [] as Item[], last: undefined };
      const expr = new Expr();
      const conditions = [expr.eq(pkName, shard.pk), keyCondition(expr.name(skName), expr, lower, upper), shard.sk?.(expr.name(skName), expr)];
      const filter = q.filter?.(expr);
      const out = await ddb.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: q.index,
          KeyConditionExpression: conditions.filter(Boolean).join(' AND '),
          FilterExpression: filter || undefined,
          Limit: q.limit + 1,
          ScanIndexForward: !q.newestFirst,
          ...expr.attrs(),
        }),
      );
      const last = out.LastEvaluatedKey ? String(out.LastEvaluatedKey[skName]) : undefined;
      return { items: (out.Items ?? []) as Item[], last };
    }),
  );
  const before = (a: string, b: string) => (q.newestFirst ? a > b : a < b);
  // every shard that stopped early has been read only down to its last evaluated key
  const floors = answers.map((a) => a.last).filter((l): l is string => l !== undefined);
  const floor = floors.length ? floors.reduce((f, l) => (before(l, f) ? l : f)) : undefined;
  const merged = answers
    .flatMap((a) => a.items)
    .filter((i) => sortKey(i) !== after)
    .filter((i) => floor === undefined || !before(floor, sortKey(i)))
    .sort((a, b) => (before(sortKey(a), sortKey(b)) ? -1 : 1));
  const items = merged.slice(0, q.limit);
  let nextCursor: string | null = null;
  if (merged.length > q.limit) nextCursor = encode(q.list, sortKey(items[items.length - 1]));
  else if (floor !== undefined) nextCursor = encode(q.list, floor);
  return { items, nextCursor };
};
