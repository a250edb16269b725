import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { orderItemSchema, timelineEntrySchema, type OrderItem, type TimelineEntry } from '../orders/schemas';
import { productItemSchema } from '../products/schemas';
import { orderMessage, orderRecipients, productNotice, type Party } from './messages';
import { operatorIds } from './operators';
import { recordNotification } from './repository';

const productEntrySchema = z.object({
  entryId: z.string(),
  productId: z.string(),
  action: z.string(),
  actor: z.string(),
  role: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

const read = async (key: { PK: string; SK: string }) =>
  (await ddb.send(new GetCommand({ TableName: tableName, Key: key }))).Item;

export type Outcome = 'ignored' | 'notified';

const recipientsOf = async (party: Party, parties: { buyerId?: string; providerId: string }): Promise<string[]> => {
  if (party === 'operators') return operatorIds();
  if (party === 'buyer') return parties.buyerId ? [parties.buyerId] : [];
  return [parties.providerId];
};

/** Hooks that also see every order entry (the provider's webhook). */
export type OrderEntryListener = (entry: TimelineEntry, order: OrderItem) => Promise<void>;

/**
 * Turns one new stream image into notifications. Anything that is not a timeline entry is ignored; an
 * entry that does not parse throws, so the batch reports it and only it.
 */
export const notifyFromImage = async (image: Record<string, unknown>, listeners: OrderEntryListener[] = []): Promise<Outcome> => {
  if (image.type !== 'timeline') return 'ignored';
  if (image.entity === 'order') {
    const entry = timelineEntrySchema.parse(image);
    const raw = await read(keys.order(entry.orderId));
    if (!raw) throw new Error(`timeline entry ${entry.entryId} of a missing order ${entry.orderId}`);
    const order = orderItemSchema.parse(raw);
    const message = orderMessage(entry.action, { name: order.product.name, id: order.orderId, data: entry.data });
    if (message) {
      for (const party of orderRecipients(entry.action, entry.role, entry.data)) {
        for (const recipientId of await recipientsOf(party, order)) {
          await recordNotification({
            notificationId: entry.entryId,
            recipientId,
            action: entry.action,
            orderId: order.orderId,
            ...message,
            read: false,
            createdAt: entry.at,
          });
        }
      }
    }
    for (const listener of listeners) await listener(entry, order);
    return 'notified';
  }
  if (image.entity === 'product') {
    const entry = productEntrySchema.parse(image);
    const raw = await read(keys.product(entry.productId));
    // a never-listed product may have been deleted since; its entries notify nobody
    if (!raw) return 'ignored';
    const product = productItemSchema.parse(raw);
    const notice = productNotice(entry.action, { name: (product.live ?? product.draft).name, id: product.productId, data: entry.data });
    if (!notice) return 'ignored';
    for (const recipientId of await recipientsOf(notice.to, product)) {
      await recordNotification({
        notificationId: entry.entryId,
        recipientId,
        action: notice.type,
        productId: product.productId,
        ...notice.message,
        read: false,
        createdAt: entry.at,
      });
    }
    return 'notified';
  }
  return 'ignored';
};
