import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { BadRequestError } from '../http/errors';
import { ddb, tableName } from './client';
import { indexes, type IndexName } from './keys';
import type { Expr } from './write';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const cursorShape = z.record(z.string(), z.union([z.string(), z.number()]));

const invalidCursor = () =>
  new BadRequestError('INVALID_CURSOR', 'The cursor was not issued for this list.', [
    { path: 'cursor', message: 'unknown cursor' },
  ]);

const encodeCursor = (key: Record<string, unknown> | undefined) =>
  key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;

/** Accepts only a cursor whose keys are this query's key attributes and whose partition is this partition. */
const decodeCursor = (cursor: string, allowed: string[], pkName: string, pkValue: string) => {
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
  return shape.data;
};

export interface PageQuery {
  index?: IndexName;
  pk: string;
  /** Extra key condition on the sort key, written with `#sk`, e.g. `#sk BETWEEN :a AND :b`. */
  sk?: (sk: string, expr: Expr) => string;
  filter?: (expr: Expr) => string | undefined;
  expr: Expr;
  limit: number;
  cursor?: string;
  newestFirst?: boolean;
}

/** One Query, one page: `{ items, nextCursor }`. */
export const queryPage = async ({ index, pk, sk, filter, expr, limit, cursor, newestFirst }: PageQuery) => {
  const pkName = index ? indexes[index].pk : 'PK';
  const skName = index ? indexes[index].sk : 'SK';
  const keyNames = index ? ['PK', 'SK', pkName, skName] : ['PK', 'SK'];
  const startKey = cursor ? decodeCursor(cursor, keyNames, pkName, pk) : undefined;
  const keyCondition = [expr.eq(pkName, pk), sk?.(expr.name(skName), expr)].filter(Boolean).join(' AND ');
  const filterExpression = filter?.(expr);
  const input: QueryCommandInput = {
    TableName: tableName,
    IndexName: index,
    KeyConditionExpression: keyCondition,
    FilterExpression: filterExpression || undefined,
    ExclusiveStartKey: startKey,
    Limit: limit,
    ScanIndexForward: !newestFirst,
    ...expr.attrs(),
  };
  const out = await ddb.send(new QueryCommand(input));
  return { items: (out.Items ?? []) as Record<string, unknown>[], nextCursor: encodeCursor(out.LastEvaluatedKey) };
};
