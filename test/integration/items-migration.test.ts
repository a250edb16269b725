import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as message } from '../../functions/orders/message';
import { handler as productPage } from '../../functions/products/page';
import { handler as ownProduct } from '../../functions/products/get-own';
import { handler as listOwn } from '../../functions/products/list-own';
import { handler as catalog } from '../../functions/products/catalog';
import { handler as editProduct } from '../../functions/products/edit';
import { handler as approveProduct } from '../../functions/operator/approve';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { splitStoredItems } from '../../scripts/lib/items-split';
import { readItem } from '../support/db';
import { invoke } from '../support/http';
import { orderIn } from '../support/orders';
import { must, productIn } from '../support/products';

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

// the migration walks the whole shared test table, which every other file grows: its time is the table's size
describe('npm run migrate:items', { timeout: 120_000 }, () => {
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

/**
 * Stores the product whole, as before the head/body layout: its content and history on the item the indexes
 * hold (and in its list row, which then held every attribute), no cards, no body item.
 */
const storeProductWhole = async (productId: string) => {
  const head = (await readItem(keys.product(productId)))!;
  const body = (await readItem(keys.productBody(productId)))!;
  const withoutCards = ({ liveCard, draftCard, ...others }: Record<string, unknown>) => (void [liveCard, draftCard], others);
  const content = { live: body.live, draft: body.draft, reviewHistory: body.reviewHistory };
  const whole = { ...withoutCards(head), ...content, row: { ...withoutCards(head.row as Record<string, unknown>), ...content } };
  await ddb.send(new PutCommand({ TableName: tableName, Item: whole }));
  await ddb.send(new DeleteCommand({ TableName: tableName, Key: keys.productBody(productId) }));
};

const productViews = async (productId: string) => ({
  page: must(await invoke(productPage, { params: { productId } }), 200),
  own: must(await invoke(ownProduct, { as: 'provider', params: { productId } }), 200),
});

describe('npm run migrate:items (products)', { timeout: 120_000 }, () => {
  it('reads a product stored whole as before, splits it once, and a second run changes nothing', async () => {
    const product = await productIn('listed', 'provider', { serviceType: 'image' });
    const before = await productViews(product.productId);
    const head = (await readItem(keys.product(product.productId)))!;
    await storeProductWhole(product.productId);
    expect(await readItem(keys.productBody(product.productId))).toBeUndefined();
    // between deploy and migration the product reads the same, in its page, its own view and the lists
    expect(await productViews(product.productId)).toEqual(before);
    const inCatalog = must(await invoke(catalog, { query: { limit: '100', serviceType: 'image' } }), 200);
    expect(inCatalog.items.find((i: { productId: string }) => i.productId === product.productId)).toMatchObject({ name: product.live.name });
    const own = must(await invoke(listOwn, { as: 'provider', query: { limit: '100', serviceType: 'image' } }), 200);
    // the list's summary row, made from the whole product's content
    expect(own.items.find((i: { productId: string }) => i.productId === product.productId)).toMatchObject({
      status: before.own.status,
      version: before.own.version,
      live: { name: product.live.name, plans: before.own.live.plans },
    });
    expect(own.items.find((i: { productId: string }) => i.productId === product.productId)).not.toHaveProperty('reviewHistory');

    const first = await splitStoredItems(ddb, tableName);
    expect(first.products).toBeGreaterThanOrEqual(1);
    const split = (await readItem(keys.product(product.productId)))!;
    expect(split).not.toHaveProperty('draft');
    expect(split).not.toHaveProperty('live');
    expect(split).toEqual(head);
    expect(await readItem(keys.productBody(product.productId))).toMatchObject({ type: 'product-body', live: { name: product.live.name } });
    expect(await productViews(product.productId)).toEqual(before);

    const again = await splitStoredItems(ddb, tableName);
    expect(again.products).toBe(0);
    expect(await readItem(keys.product(product.productId))).toEqual(split);
  });

  it('splits a product stored whole on its next command, which then takes effect', async () => {
    const product = await productIn('listed');
    await storeProductWhole(product.productId);
    const edited = must(await invoke(editProduct, { as: 'provider', params: { productId: product.productId }, body: { name: '新版本' } }), 200);
    expect(edited).toMatchObject({ draft: { name: '新版本' }, live: { name: product.live.name }, version: product.version + 1 });
    expect(await readItem(keys.product(product.productId))).toMatchObject({ draftCard: { name: '新版本' }, liveCard: { name: product.live.name } });
    expect(await readItem(keys.product(product.productId))).not.toHaveProperty('draft');

    const other = await productIn('in_review');
    await storeProductWhole(other.productId);
    const approved = must(await invoke(approveProduct, { as: 'operator', params: { productId: other.productId }, body: { version: other.version } }), 200);
    expect(approved).toMatchObject({ status: 'listed', live: { name: other.draft.name } });
    expect(await readItem(keys.productBody(other.productId))).toMatchObject({ live: { name: other.draft.name }, reviewHistory: [expect.objectContaining({ decision: 'approved' })] });
  });
});
