import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { BadRequestError } from '../http/errors';
import { ddb, tableName } from './client';
import { indexes, type IndexName } from './keys';
import { Expr } from './write';
import { msg } from '../i18n';
import { unwrapRows } from './row';

type Item = Record<string, unknown>;

/**
 * One partition of a merged list. Its sort keys are `prefix` + an order key that is comparable across
 * every shard of the list (`<createdAt>#<id>`, or a product id behind its review code).
 */
export interface Shard {
  pk: string;
  prefix?: string;
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
  new BadRequestError('INVALID_CURSOR', msg('detail.invalidCursor'), [{ path: 'cursor', message: msg('field.unknownCursor') }]);

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

const keyCondition = (skAttr: string, expr: Expr, lower?: string, upper?: string) => {
  if (lower !== undefined && upper !== undefined) return `${expr.name(skAttr)} BETWEEN ${expr.value(lower)} AND ${expr.value(upper)}`;
  if (lower !== undefined) return `${expr.name(skAttr)} >= ${expr.value(lower)}`;
  if (upper !== undefined) return `${expr.name(skAttr)} <= ${expr.value(upper)}`;
  return undefined;
};

/** The bounds a page reads within, inclusive: the list's own range narrowed by the cursor (whose item is dropped). */
const pageBounds = (q: Omit<MergedQuery, 'limit'>) => {
  const after = q.cursor ? decode(q.cursor, q.list) : undefined;
  // a cursor of the same list outside the bounds asked for now (another time range) is refused
  if (after !== undefined && ((q.from !== undefined && after < q.from) || (q.to !== undefined && after > q.to))) throw invalidCursor();
  let lower = q.from;
  let upper = q.to;
  if (after !== undefined) {
    if (q.newestFirst) upper = upper === undefined || after < upper ? after : upper;
    else lower = lower === undefined || after > lower ? after : lower;
  }
  return { after, lower, upper, empty: lower !== undefined && upper !== undefined && lower > upper };
};

/** One Query of one shard within the bounds: its items by order key, and where it stopped (if it did). */
const queryShard = async (
  q: Omit<MergedQuery, 'limit'>,
  shard: Shard,
  bounds: { lower?: string; upper?: string },
  limit: number,
  startKey?: Record<string, unknown>,
) => {
  const { pk: pkName, sk: skName } = indexes[q.index];
  const prefix = shard.prefix ?? '';
  const expr = new Expr();
  const from = bounds.lower !== undefined ? prefix + bounds.lower : prefix || undefined;
  const to = bounds.upper !== undefined ? prefix + bounds.upper : prefix ? `${prefix}~` : undefined;
  const conditions = [expr.eq(pkName, shard.pk), keyCondition(skName, expr, from, to)];
  // a filter reads the items' attributes in their list rows
  const filter = q.filter && expr.inRow(q.filter);
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: q.index,
      KeyConditionExpression: conditions.filter(Boolean).join(' AND '),
      FilterExpression: filter || undefined,
      Limit: limit,
      ScanIndexForward: !q.newestFirst,
      ExclusiveStartKey: startKey,
      ...expr.attrs(),
    }),
  );
  const orderKey = (sk: unknown) => String(sk).slice(prefix.length);
  return {
    items: (unwrapRows(out.Items) as Item[]).map((i): [string, Item] => [orderKey(i[skName]), i]),
    last: out.LastEvaluatedKey ? orderKey(out.LastEvaluatedKey[skName]) : undefined,
    startKey: out.LastEvaluatedKey,
  };
};

/** Whether order key `a` comes before `b` in the list. */
const beforeIn = (q: { newestFirst: boolean }) => (a: string, b: string) => (q.newestFirst ? a > b : a < b);

/**
 * Access pattern: one page of a list spread over several partitions (shards), newest (or oldest) first.
 * Every shard is queried once, in parallel, for keys beyond the cursor; the answers are merged. A shard
 * that stopped early sets a floor past which nothing is returned, so a later page never skips its items.
 */
export const queryMerged = async (q: MergedQuery): Promise<{ items: Item[]; nextCursor: string | null }> => {
  const { after, lower, upper, empty } = pageBounds(q);
  const answers = empty ? [] : await Promise.all(q.shards.map((shard) => queryShard(q, shard, { lower, upper }, q.limit + 1)));
  const before = beforeIn(q);
  // every shard that stopped early has been read only down to its last evaluated key
  const floors = answers.map((a) => a.last).filter((l): l is string => l !== undefined);
  const floor = floors.length ? floors.reduce((f, l) => (before(l, f) ? l : f)) : undefined;
  const merged = answers
    .flatMap((a) => a.items)
    .filter(([k]) => k !== after)
    .filter(([k]) => floor === undefined || !before(floor, k))
    .sort(([a], [b]) => (before(a, b) ? -1 : 1));
  const page = merged.slice(0, q.limit);
  const items = page.map(([, i]) => i);
  let nextCursor: string | null = null;
  if (merged.length > q.limit) nextCursor = encode(q.list, page[page.length - 1][0]);
  else if (floor !== undefined) nextCursor = encode(q.list, floor);
  return { items, nextCursor };
};

/**
 * Access pattern: a whole merged list read page after page within one call (the export). Each shard is read
 * lazily, `readSize` items a Query, and only when its buffer runs dry; the pages take the newest (or oldest)
 * head of the shards, so no item is read twice, where pages of {@link queryMerged} re-read every shard's
 * unused items. Each page carries the cursor a page of `queryMerged` would (its last item's order key), so a
 * walk may stop anywhere and go on in another call, by either.
 */
export const walkMerged = (q: Omit<MergedQuery, 'limit'> & { readSize: number }) => {
  const { after, lower, upper, empty } = pageBounds(q);
  const before = beforeIn(q);
  const shards = q.shards.map((shard) => ({ shard, buffer: [] as [string, Item][], startKey: undefined as Record<string, unknown> | undefined, done: empty }));
  const fill = async (s: (typeof shards)[number]) => {
    while (!s.done && s.buffer.length === 0) {
      const out = await queryShard(q, s.shard, { lower, upper }, q.readSize, s.startKey);
      s.buffer.push(...out.items.filter(([k]) => k !== after));
      s.startKey = out.startKey;
      s.done = !out.startKey;
    }
  };
  return {
    /** The next `limit` items, and the cursor after them (null when the list has no more). */
    next: async (limit: number): Promise<{ items: Item[]; nextCursor: string | null }> => {
      if (!(limit >= 1)) throw new RangeError('a page holds at least one item');
      const items: Item[] = [];
      let last: string | undefined;
      for (;;) {
        // the shards whose buffers ran dry are read again, in parallel
        await Promise.all(shards.map(fill));
        const head = shards.reduce<(typeof shards)[number] | undefined>(
          (best, s) => (s.buffer.length && (!best || before(s.buffer[0][0], best.buffer[0][0])) ? s : best),
          undefined,
        );
        if (!head) return { items, nextCursor: null };
        if (items.length === limit) return { items, nextCursor: encode(q.list, last!) };
        const [k, item] = head.buffer.shift()!;
        items.push(item);
        last = k;
      }
    },
  };
};
