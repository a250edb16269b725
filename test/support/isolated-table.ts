import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';

/** Takes every order out of the due index, so a test's job run sees only the orders it made. */
export const clearDueIndex = async () => {
  for (const shard of [...keys.dueShards(), ...keys.retryShards()]) {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI4',
        KeyConditionExpression: 'GSI4PK = :pk',
        ExpressionAttributeValues: { ':pk': shard },
      }),
    );
    for (const item of out.Items ?? []) {
      await ddb.send(
        new UpdateCommand({ TableName: tableName, Key: { PK: item.PK, SK: item.SK }, UpdateExpression: 'REMOVE GSI4PK, GSI4SK' }),
      );
    }
  }
};
