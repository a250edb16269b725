import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { isOrderEvent, type DomainEvent } from '../events/contracts';
import { orderOf } from '../events/order';
import { productItemSchema } from '../products/schemas';
import { orderMessage, orderRecipients, productNotice, type Party } from './messages';
import { operatorIds } from './operators';
import { recordNotification } from './repository';

const read = async (key: { PK: string; SK: string }) =>
  (await ddb.send(new GetCommand({ TableName: tableName, Key: key }))).Item;

export type Outcome = 'ignored' | 'notified';

const recipientsOf = async (party: Party, parties: { buyerId?: string; providerId: string }): Promise<string[]> => {
  if (party === 'operators') return operatorIds();
  if (party === 'buyer') return parties.buyerId ? [parties.buyerId] : [];
  return [parties.providerId];
};

/**
 * The inbox consumer: one domain event becomes the notifications of the parties concerned, each keyed by the
 * event id and its recipient, so a redelivered event notifies nobody twice.
 */
export const notifyInboxes = async (event: DomainEvent): Promise<Outcome> => {
  if (isOrderEvent(event)) {
    const order = await orderOf(event);
    const { action, role, detail } = event.data;
    const message = orderMessage(action, { name: order.product.name, id: order.orderId, data: detail });
    if (!message) return 'ignored';
    for (const party of orderRecipients(action, role, detail)) {
      for (const recipientId of await recipientsOf(party, order)) {
        await recordNotification({
          notificationId: event.id,
          recipientId,
          action,
          orderId: order.orderId,
          ...message,
          read: false,
          createdAt: event.occurredAt,
        });
      }
    }
    return 'notified';
  }
  const raw = await read(keys.product(event.data.productId));
  // a never-listed product may have been deleted since; its events notify nobody
  if (!raw) return 'ignored';
  const product = productItemSchema.parse(raw);
  const notice = productNotice(event.data.action, { name: (product.live ?? product.draft).name, id: product.productId, data: event.data.detail });
  if (!notice) return 'ignored';
  for (const recipientId of await recipientsOf(notice.to, product)) {
    await recordNotification({
      notificationId: event.id,
      recipientId,
      action: notice.type,
      productId: product.productId,
      ...notice.message,
      read: false,
      createdAt: event.occurredAt,
    });
  }
  return 'notified';
};
