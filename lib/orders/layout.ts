import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { maskPhone } from '../people/names';
import { orderBodyItem, orderItem } from './items';
import { orderBodySchema, orderHeadSchema, orderItemSchema, orderRowSchema, type OrderBody, type OrderHead, type OrderItem, type OrderRow } from './schemas';

/**
 * The order's stored layout (docs/decisions.md, "Order and product items: head and body"): `OrderItem` is
 * what the rules and views work on; the table keeps it as a head (in the indexes) and a body (in none).
 */

type Raw = Record<string, unknown>;

/** Orders read from an item stored before the split (the head carries the bulky facts): their next write splits them. */
const unsplit = new WeakSet<object>();

/** Whether the order was read from an item stored whole (before the split): its next write writes the body too. */
export const isUnsplit = (o: OrderItem) => unsplit.has(o);

/** The head and the body of an order. */
export const splitOrder = (o: OrderItem): { head: OrderHead; body: OrderBody } => {
  const { product, requirements, buyer, deliveryNote, resolution, ...rest } = o;
  // the head's list columns are made again from the facts they copy
  const own = Object.fromEntries(
    Object.entries(rest).filter(([k]) => !['productName', 'planName', 'unitPrice', 'formFields', 'requirementsStatus', 'buyerName', 'buyerPhone'].includes(k)),
  );
  const head = {
    ...own,
    productName: product.name,
    planName: product.plan.name,
    unitPrice: product.unitPrice,
    formFields: product.requirementsTemplate.length,
    requirementsStatus: requirements.status,
    ...(buyer ? { buyerName: buyer.displayName } : {}),
    ...(buyer && maskPhone(buyer.phone) ? { buyerPhone: maskPhone(buyer.phone) } : {}),
  } as OrderHead;
  const body: OrderBody = {
    orderId: o.orderId,
    product,
    requirements: { answers: requirements.answers, ...(requirements.reason !== undefined ? { reason: requirements.reason } : {}) },
    ...(buyer ? { buyer } : {}),
    ...(deliveryNote ? { deliveryNote } : {}),
    ...(resolution ? { resolution } : {}),
  };
  return { head, body };
};

/** The stored body of an order (its item), for a Put. */
export const bodyRecord = (o: OrderItem) => orderBodyItem.item(splitOrder(o).body);

/** Whether a change of the order changes its body (then the body is written with the head). */
export const bodyChanged = (before: OrderItem, after: OrderItem) =>
  isUnsplit(before) || JSON.stringify(splitOrder(before).body) !== JSON.stringify(splitOrder(after).body);

/**
 * The order from its head and body items; an order stored before the split (no body, the head carrying
 * everything) is read as it is, and remembered as such ({@link isUnsplit}).
 */
export const joinOrder = (head: Raw, body?: Raw): OrderItem => {
  if (!body) {
    const whole = orderItemSchema.parse(head);
    unsplit.add(whole);
    return whole;
  }
  const b = orderBodySchema.parse(body);
  return orderItemSchema.parse({
    ...head,
    product: b.product,
    requirements: { status: head.requirementsStatus, ...b.requirements },
    buyer: b.buyer,
    deliveryNote: b.deliveryNote,
    resolution: b.resolution,
  });
};

/** The order among items of its partition (its head and body), or undefined. */
export const orderAmong = (items: Raw[], orderId: string): OrderItem | undefined => {
  const head = items.find((i) => i.SK === keys.order(orderId).SK && orderItem.is(i));
  if (!head) return undefined;
  return joinOrder(head, items.find((i) => i.SK === keys.orderBody(orderId).SK && orderBodyItem.is(i)));
};

/** The order's head alone, as read from the table or an index: what lists and checks of its parties need. */
export const parseHead = (raw: Raw): OrderHead => {
  // an order stored before the split carries its facts on its head: its list columns are made from them
  if (!('productName' in raw) && 'product' in raw) return splitOrder(orderItemSchema.parse(raw)).head;
  return orderHeadSchema.parse(raw);
};

/** An order's list row as an index answers it (or its head, read by key): what the lists are made of. */
export const parseRow = (raw: Raw): OrderRow => {
  // an order stored before the split carries its facts on its head: its list columns are made from them
  if (!('productName' in raw) && 'product' in raw) return splitOrder(orderItemSchema.parse(raw)).head;
  return orderRowSchema.parse(raw);
};

/** Access pattern: one order (head and body), one Query on its two items (`begins_with(SK, 'ORDER')`). */
export const readOrder = async (orderId: string, consistent = true): Promise<OrderItem | undefined> => {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.orderPartition(orderId), ':sk': keys.order(orderId).SK },
      ...(consistent ? { ConsistentRead: true } : {}),
    }),
  );
  return orderAmong(out.Items ?? [], orderId);
};

/** One BatchGetItem reads at most 100 keys: 50 orders, head and body. */
const BATCH_ORDERS = 50;

/**
 * Access pattern: the orders a page of the due index names, whole (head and body), in one BatchGetItem per
 * 50 orders, strongly consistent, keys left unprocessed asked again; orders no longer there are left out.
 */
export const readOrders = async (orderIds: string[]): Promise<OrderItem[]> => {
  const items: Raw[] = [];
  for (let i = 0; i < orderIds.length; i += BATCH_ORDERS) {
    let pending: Raw[] | undefined = orderIds.slice(i, i + BATCH_ORDERS).flatMap((id) => [keys.order(id), keys.orderBody(id)]);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const out = await ddb.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
      items.push(...((out.Responses?.[tableName] ?? []) as Raw[]));
      pending = out.UnprocessedKeys?.[tableName]?.Keys as Raw[] | undefined;
    }
  }
  return orderIds.map((id) => orderAmong(items.filter((item) => item.PK === keys.orderPartition(id)), id)).filter((o): o is OrderItem => o !== undefined);
};
