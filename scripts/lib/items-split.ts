import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { indexes } from '../../lib/db/keys';
import { orderBodyItem, orderItem } from '../../lib/orders/items';
import { joinOrder, splitOrder } from '../../lib/orders/layout';
import { isWhole, splitStoredProduct } from '../../lib/products/layout';

/**
 * `npm run migrate:items`: splits every order stored whole (before the head/body layout, docs/decisions.md
 * "Order and product items: head and body") into its head and its body. Each order is one transaction: the
 * head rewritten (only if it is still the version read and still whole) and the body written (only if
 * absent). An order a command changed in between is left for the next run; a second run finds nothing to do.
 * The due-index keys are kept as stored (they follow from the order's state, unchanged here).
 *
 * Products stored whole (their content on the item the indexes hold) are split the same way into their head
 * (the cards of the live and draft content instead) and body (draft, live content, review history): one
 * transaction each, the head only if still the version read and still whole, the body only if absent.
 */
export const splitStoredItems = async (db: DynamoDBDocumentClient, table: string) => {
  let start: Record<string, unknown> | undefined;
  const result = { scanned: 0, orders: 0, products: 0, skipped: 0 };
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '(#type = :order AND attribute_exists(#product)) OR (#type = :productType AND attribute_exists(#draft) AND attribute_not_exists(#draftCard))',
        ExpressionAttributeNames: { '#type': 'type', '#product': 'product', '#draft': 'draft', '#draftCard': 'draftCard' },
        ExpressionAttributeValues: { ':order': 'order', ':productType': 'product' },
        ExclusiveStartKey: start,
      }),
    );
    result.scanned += page.ScannedCount ?? 0;
    for (const raw of page.Items ?? []) {
      if (raw.type === 'product') {
        if (isWhole(raw) && (await splitStoredProduct(db, table, raw))) result.products++;
        else result.skipped++;
        continue;
      }
      const whole = joinOrder(raw);
      const { head, body } = splitOrder(whole);
      // the due index's keys as stored (they follow from the order's state and the periods, unchanged here)
      const { pk, sk } = indexes.GSI4;
      const due = raw[pk] !== undefined ? { [pk]: raw[pk], [sk]: raw[sk] } : {};
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...orderItem.item(head), ...due },
                  ConditionExpression: '#version = :version AND attribute_exists(#product)',
                  ExpressionAttributeNames: { '#version': 'version', '#product': 'product' },
                  ExpressionAttributeValues: { ':version': raw.version },
                },
              },
              { Put: { TableName: table, Item: orderBodyItem.item(body), ConditionExpression: 'attribute_not_exists(PK)' } },
            ],
          }),
        );
        result.orders++;
      } catch (err) {
        if ((err as Error).name !== 'TransactionCanceledException') throw err;
        result.skipped++;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return result;
};
