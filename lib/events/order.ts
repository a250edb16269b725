import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { orderItemSchema, type OrderItem, type TimelineEntry } from '../orders/schemas';
import type { OrderEvent } from './contracts';

/** The order an event is about, read from the table; an event of a missing order throws (so it is retried). */
export const orderOf = async (event: OrderEvent): Promise<OrderItem> => {
  const raw = (await ddb.send(new GetCommand({ TableName: tableName, Key: keys.order(event.data.orderId) }))).Item;
  if (!raw) throw new Error(`event ${event.id} of a missing order ${event.data.orderId}`);
  return orderItemSchema.parse(raw);
};

/** The timeline entry an order event was made from, as the order rules read entries (the actor stays out). */
export const entryOf = (event: OrderEvent): TimelineEntry => ({
  entryId: event.id,
  orderId: event.data.orderId,
  ...(event.data.orderVersion !== undefined ? { version: event.data.orderVersion } : {}),
  action: event.data.action,
  actor: '',
  role: event.data.role,
  at: event.occurredAt,
  from: event.data.from,
  to: event.data.to,
  data: event.data.detail,
});
