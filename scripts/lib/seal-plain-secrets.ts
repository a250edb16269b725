import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ddb, tableName } from '../../lib/db/client';
import { secretBox } from '../../lib/shared/secret-box';
import { webhookItem } from '../../lib/webhooks/items';
import { secretContext } from '../../lib/webhooks/repository';

/**
 * The migration of endpoints registered before secrets were sealed (`npm run secrets:seal`, run once by an
 * operator, never by a function; it lives in scripts/ so that no function's code holds a Scan): a Scan for webhook items that still hold a plain `secret`, each sealed in
 * place by a conditional update (only while it holds that same secret: a PUT meanwhile wins). Counts what it did.
 */
export const sealPlainSecrets = async () => {
  const counts = { sealed: 0, skipped: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#type = :type AND attribute_exists(secret)',
        ProjectionExpression: 'PK, SK, providerId, secret',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': webhookItem.type },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const { providerId, secret } = item as { providerId: string; secret: string };
      try {
        await ddb.send(
          new UpdateCommand({
            TableName: tableName,
            Key: webhookItem.key({ providerId }),
            UpdateExpression: 'SET sealedSecret = :sealed REMOVE secret',
            ConditionExpression: 'secret = :plain',
            ExpressionAttributeValues: { ':sealed': await secretBox().seal(secret, secretContext(providerId)), ':plain': secret },
          }),
        );
        counts.sealed++;
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
        counts.skipped++;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return counts;
};
