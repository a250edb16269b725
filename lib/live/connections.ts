import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { connectionItem, connectionOwnerItem, pushMarkItem } from './items';

/** API Gateway closes a WebSocket connection after two hours; its items outlive it by a quarter of an hour. */
export const CONNECTION_TTL_SECONDS = 2 * 60 * 60 + 15 * 60;
/** EventBridge redelivers an event for a day (the rules' maximumEventAge): a push mark lives as long. */
export const PUSH_MARK_TTL_SECONDS = 24 * 60 * 60;

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

export interface Connection {
  userId: string;
  connectionId: string;
}
/** A connection with the roles its token carried when it opened (what the HTTP API's rules read). */
export interface OpenConnection extends Connection {
  roles: string[];
}

/** Records an open connection under its person, and its owner by id (two puts). */
export const saveConnection = async (c: OpenConnection, now: Date) => {
  const expiresAt = seconds(now) + CONNECTION_TTL_SECONDS;
  await Promise.all([
    ddb.send(new PutCommand({ TableName: tableName, Item: connectionItem.item({ userId: c.userId, connectionId: c.connectionId, roles: c.roles, connectedAt: now.toISOString(), expiresAt }) })),
    ddb.send(new PutCommand({ TableName: tableName, Item: connectionOwnerItem.item({ connectionId: c.connectionId, userId: c.userId, expiresAt }) })),
  ]);
};

/** Removes a connection of a known person (a push met 410 Gone). */
export const forgetConnection = async (c: Connection) => {
  await Promise.all([
    ddb.send(new DeleteCommand({ TableName: tableName, Key: connectionItem.key(c) })),
    ddb.send(new DeleteCommand({ TableName: tableName, Key: connectionOwnerItem.key(c) })),
  ]);
};

/** Removes a connection known by its id only (`$disconnect`): the owner item's delete answers whose it was. */
export const closeConnection = async (connectionId: string): Promise<string | undefined> => {
  const out = await ddb.send(new DeleteCommand({ TableName: tableName, Key: connectionOwnerItem.key({ connectionId }), ReturnValues: 'ALL_OLD' }));
  const userId = out.Attributes?.userId as string | undefined;
  if (userId) await ddb.send(new DeleteCommand({ TableName: tableName, Key: connectionItem.key({ userId, connectionId }) }));
  return userId;
};

/**
 * Access pattern: a person's open connections, one Query of their partition (a person has a few tabs: one page).
 * Items past their time to live may wait for DynamoDB's sweep: they are left out here.
 */
export const connectionsOf = async (userId: string, now: Date): Promise<OpenConnection[]> => {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: 'expiresAt > :now',
      ExpressionAttributeValues: { ':pk': keys.userConnections(userId), ':now': seconds(now) },
    }),
  );
  return (out.Items ?? []).map((i) => ({ userId, connectionId: String(i.connectionId), roles: Array.isArray(i.roles) ? (i.roles as string[]) : [] }));
};

/** Marks an event pushed to a connection; false when it already was (a redelivered event). */
export const markPushed = async (eventId: string, connectionId: string, now: Date): Promise<boolean> => {
  try {
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: pushMarkItem.item({ eventId, connectionId, expiresAt: seconds(now) + PUSH_MARK_TTL_SECONDS }),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
};

/** Takes a mark back: the push failed for a reason a retry may not meet, so the retry pushes. */
export const unmarkPushed = async (eventId: string, connectionId: string) => {
  await ddb.send(new DeleteCommand({ TableName: tableName, Key: pushMarkItem.key({ eventId, connectionId }) }));
};
