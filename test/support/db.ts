import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../lib/db/client';

let calls = 0;
ddb.middlewareStack.add((next) => async (args) => {
  calls++;
  return next(args);
}, { step: 'initialize', name: 'countRoundTrips' });

/** Runs `fn` and returns how many DynamoDB requests it made, with its result. */
export const countRoundTrips = async <T>(fn: () => Promise<T>): Promise<{ result: T; roundTrips: number }> => {
  const before = calls;
  const result = await fn();
  return { result, roundTrips: calls - before };
};

export const readItem = async (key: { PK: string; SK: string }) =>
  (await ddb.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

export const readPartition = async (pk: string) =>
  (await ddb.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } })))
    .Items ?? [];
