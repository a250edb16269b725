import { readOrder } from '../orders/layout';
import type { OrderItem, TimelineEntry } from '../orders/schemas';
import type { OrderEvent } from './contracts';

/** The order an event is about, read from the table; an event of a missing order throws (so it is retried). */
export const orderOf = async (event: OrderEvent): Promise<OrderItem> => {
  const order = await readOrder(event.data.orderId, false);
  if (!order) throw new Error(`event ${event.id} of a missing order ${event.data.orderId}`);
  return order;
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
