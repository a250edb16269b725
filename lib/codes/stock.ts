import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { stockItemSchema, type PlanStock } from './schemas';

/** Access pattern: every plan's code stock of a product, one Query on the product's partition (`CODESTOCK#`). */
export const stockOfPlans = async (productId: string): Promise<Record<string, PlanStock>> => {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.product(productId).PK, ':prefix': keys.codeStockPrefix },
    }),
  );
  return Object.fromEntries((out.Items ?? []).map((i) => [String(i.planId), stockItemSchema.parse(i)]));
};
