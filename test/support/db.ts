import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../lib/db/client';

let calls = 0;
/** The transactions sent while a recording runs (see {@link recordTransactions}). */
let transactions: Array<Array<Record<string, any>>> | undefined;
let writes = 0;
let itemsRead = 0;
const READS = new Set(['GetCommand', 'GetItemCommand', 'QueryCommand', 'BatchGetCommand', 'BatchGetItemCommand', 'ScanCommand']);
ddb.middlewareStack.add((next, context) => async (args) => {
  calls++;
  if (!READS.has(context.commandName ?? '')) writes++;
  if (transactions && /^TransactWrite(Items)?Command$/.test(context.commandName ?? '')) transactions.push((args.input as { TransactItems: Array<Record<string, any>> }).TransactItems);
  const out = await next(args);
  const o = out.output as { Item?: unknown; Items?: unknown[]; Responses?: Record<string, unknown[]> };
  itemsRead += (o.Item ? 1 : 0) + (o.Items?.length ?? 0) + Object.values(o.Responses ?? {}).reduce((n, r) => n + r.length, 0);
  return out;
}, { step: 'initialize', name: 'countRoundTrips' });

/** Runs `fn` and returns how many DynamoDB requests it made, with its result. */
export const countRoundTrips = async <T>(fn: () => Promise<T>): Promise<{ result: T; roundTrips: number }> => {
  const before = calls;
  const result = await fn();
  return { result, roundTrips: calls - before };
};

/** Runs `fn` and returns its DynamoDB requests, how many of them wrote, and the items they read. */
export const countCalls = async <T>(fn: () => Promise<T>): Promise<{ result: T; roundTrips: number; writes: number; itemsRead: number }> => {
  const before = { calls, writes, itemsRead };
  const result = await fn();
  return { result, roundTrips: calls - before.calls, writes: writes - before.writes, itemsRead: itemsRead - before.itemsRead };
};

export const readItem = async (key: { PK: string; SK: string }) =>
  (await ddb.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

export const readPartition = async (pk: string) =>
  (await ddb.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } })))
    .Items ?? [];

/**
 * The one Query a request to a route open to providers or operators makes before its own work: the caller's
 * memberships, read strongly consistently so that a removed member is refused on their very next request
 * (docs/decisions.md, "Provider organisations"). The round-trip budgets of those routes count it apart.
 */
export const MEMBERSHIP_READ = 1;

/** Runs `fn` and returns the items of each transaction it wrote: `{ Put | Update | Delete | ConditionCheck: {...} }`. */
export const recordTransactions = async <T>(fn: () => Promise<T>): Promise<{ result: T; transactions: Array<Array<Record<string, any>>> }> => {
  const mine: Array<Array<Record<string, any>>> = [];
  transactions = mine;
  try {
    return { result: await fn(), transactions: mine };
  } finally {
    transactions = undefined;
  }
};

/** The table key of one transaction item, whatever its kind. */
export const keyOf = (item: Record<string, any>): { PK: string; SK: string } => {
  const op = Object.values(item)[0] as { Key?: Record<string, unknown>; Item?: Record<string, unknown> };
  const k = op.Key ?? op.Item!;
  // marshalled ({ S: '…' }) or not, as the client's step saw it
  const plain = (v: unknown) => (typeof v === 'object' && v !== null && 'S' in v ? String((v as { S: string }).S) : String(v));
  return { PK: plain(k.PK), SK: plain(k.SK) };
};
