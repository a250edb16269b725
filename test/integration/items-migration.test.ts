import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as message } from '../../functions/orders/message';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { splitStoredItems } from '../../scripts/lib/items-split';
import { readItem } from '../support/db';
import { invoke } from '../support/http';
import { orderIn } from '../support/orders';
import { must } from '../support/products';

/** Stores the order whole, as before the head/body layout: the body's facts on the head, no body item. */
const storeWhole = async (orderId: string) => {
  const head = (await readItem(keys.order(orderId)))!;
  const body = (await readItem(keys.orderBody(orderId)))!;
  const { productName, planName, unitPrice, formFields, requirementsStatus, buyerName, buyerPhone, ...rest } = head;
  const whole = {
    ...rest,
    product: body.product,
    requirements: { status: requirementsStatus, ...body.requirements },
    ...(body.buyer ? { buyer: body.buyer } : {}),
    ...(body.deliveryNote ? { deliveryNote: body.deliveryNote } : {}),
    ...(body.resolution ? { resolution: body.resolution } : {}),
  };
  void [productName, planName, unitPrice, formFields, buyerName, buyerPhone];
  await ddb.send(new PutCommand({ TableName: tableName, Item: whole }));
  await ddb.send(new DeleteCommand({ TableName: tableName, Key: keys.orderBody(orderId) }));
};

const view = async (orderId: string) => {
  const { timeline, actions, ...order } = must(await invoke(getOrder, { as: 'buyer', params: { orderId } }), 200);
  return { ...order, timeline: timeline.length, actions };
};

describe('npm run migrate:items', () => {
  it('reads an order stored whole as before, splits it once, and a second run changes nothing', async () => {
    const order = await orderIn('awaiting_confirmation');
    const before = await view(order.orderId);
    const head = (await readItem(keys.order(order.orderId)))!;
    await storeWhole(order.orderId);
    expect(await readItem(keys.orderBody(order.orderId))).toBeUndefined();
    // between deploy and migration the order reads the same
    expect(await view(order.orderId)).toEqual(before);

    const first = await splitStoredItems(ddb, tableName);
    expect(first.orders).toBeGreaterThanOrEqual(1);
    const split = (await readItem(keys.order(order.orderId)))!;
    expect(split).not.toHaveProperty('product');
    expect(split).toEqual(head);
    expect(await readItem(keys.orderBody(order.orderId))).toMatchObject({ type: 'order-body', deliveryNote: { note: expect.any(String) } });
    expect(await view(order.orderId)).toEqual(before);

    const again = await splitStoredItems(ddb, tableName);
    expect(again.orders).toBe(0);
    expect(await readItem(keys.order(order.orderId))).toEqual(split);
  });

  it('splits an order stored whole on its next command', async () => {
    const order = await orderIn('implementing');
    await storeWhole(order.orderId);
    must(await invoke(message, { as: 'buyer', params: { orderId: order.orderId }, body: { text: '进度如何？' } }), 200);
    expect(await readItem(keys.order(order.orderId))).not.toHaveProperty('product');
    expect(await readItem(keys.orderBody(order.orderId))).toMatchObject({ product: { name: expect.any(String) } });
  });
});
