import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { ConditionFailed, updateItem } from '../db/write';
import { ConflictError } from '../http/errors';
import { msg } from '../i18n';
import { codeSaleItem } from './items';
import type { CodeSlots } from './schemas';

/**
 * Hands out `quantity` slots of a plan's codes: one conditional UpdateItem (`left >= q`: take q, `taken += q`)
 * that answers the new `taken`, so the slots are taken−q+1..taken, each handed out once whatever the
 * concurrency, and never more than uploaded; 409 SOLD_OUT with what is left otherwise. A counter needs no
 * exact read, so simultaneous purchases never refuse each other (docs/decisions.md, "Redemption codes").
 */
export const reserveCodes = async (productId: string, planId: string, quantity: number, at: string): Promise<CodeSlots> => {
  try {
    const item = await updateItem(
      {
        TableName: tableName,
        Key: keys.codeStock(productId, planId),
        UpdateExpression: 'SET #left = #left - :q, #taken = #taken + :q, #updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND #left >= :q',
        ExpressionAttributeNames: { '#left': 'left', '#taken': 'taken', '#updatedAt': 'updatedAt' },
        ExpressionAttributeValues: { ':q': quantity, ':at': at },
      },
      'codes',
    );
    const taken = Number(item.taken);
    return { first: taken - quantity + 1, count: quantity };
  } catch (err) {
    if (!(err instanceof ConditionFailed)) throw err;
    const available = Math.max(0, Number(err.item?.left ?? 0));
    throw new ConflictError('SOLD_OUT', msg('detail.soldOut', { available }), { available });
  }
};

/** The purchase's record of which order got which slots, in its transaction. */
export const saleWrite = (productId: string, planId: string, slots: CodeSlots, orderId: string, at: string) => ({
  Put: {
    TableName: tableName,
    Item: codeSaleItem.item({ productId, planId, orderId, first: slots.first, count: slots.count, at }),
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

/** Slots handed out to a purchase that did not commit: recorded void (best effort: unrecorded, they are void all the same). */
export const voidSlots = async (productId: string, planId: string, slots: CodeSlots, at: string) => {
  try {
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: codeSaleItem.item({ productId, planId, orderId: null, first: slots.first, count: slots.count, at }),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch {
    // nothing to undo: the slots stay out of sale either way
  }
};
