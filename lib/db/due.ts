import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client';
import { indexes } from './keys';
import { unwrapRows } from './row';

/**
 * Access pattern: everything due by `now` in one shard of the due index (GSI4), page by page, oldest due
 * first. The jobs call it for every shard; what they read grows with what is due, never with the table.
 */
export const forEachDuePage = async (
  shard: string,
  now: Date,
  pageSize: number,
  onPage: (items: Record<string, unknown>[]) => Promise<void>,
) => {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: indexes.GSI4.name,
        KeyConditionExpression: '#pk = :pk AND #sk <= :now',
        ExpressionAttributeNames: { '#pk': indexes.GSI4.pk, '#sk': indexes.GSI4.sk },
        ExpressionAttributeValues: { ':pk': shard, ':now': `${now.toISOString()}#~` },
        Limit: pageSize,
        ExclusiveStartKey: start,
      }),
    );
    await onPage(unwrapRows(page.Items));
    start = page.LastEvaluatedKey;
  } while (start);
};
