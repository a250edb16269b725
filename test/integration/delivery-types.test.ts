import { describe, expect, it } from 'vitest';
import { handler as create } from '../../functions/products/create';
import { handler as edit } from '../../functions/products/edit';
import { handler as page } from '../../functions/products/page';
import { handler as catalog } from '../../functions/products/catalog';
import { handler as buy } from '../../functions/orders/create';
import { handler as getOrder } from '../../functions/orders/get';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { readItem } from '../support/db';
import { productContent } from '../support/fixtures';
import { invoke } from '../support/http';
import { must, productIn } from '../support/products';

const p = (productId: string) => ({ productId });

describe('a product’s delivery (交付方式)', () => {
  it('defaults to manual', async () => {
    const created = must(await invoke(create, { as: 'provider', body: productContent() }), 201);
    expect(created.draft.delivery).toBe('manual');
  });

  it('accepts each delivery its service type allows', async () => {
    for (const [serviceType, delivery] of [
      ['saas', 'saas'],
      ['software', 'saas'],
      ['api', 'saas'],
      ['software', 'code'],
      ['api', 'code'],
      ['image', 'manual'],
    ]) {
      const res = await invoke(create, { as: 'provider', body: productContent({ serviceType, delivery }) });
      expect(res.status, `${serviceType} ${delivery}`).toBe(201);
      expect(res.body.draft).toMatchObject({ serviceType, delivery });
    }
  });

  it('answers 400 naming delivery for a delivery the service type does not allow', async () => {
    for (const [serviceType, delivery] of [
      ['ops_service', 'saas'],
      ['ops_service', 'code'],
      ['custom_dev', 'code'],
      ['saas', 'code'],
      ['image', 'saas'],
    ]) {
      const res = await invoke(create, { as: 'provider', body: productContent({ serviceType, delivery }) });
      expect(res.status, `${serviceType} ${delivery}`).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['delivery']);
    }
    const unknown = await invoke(create, { as: 'provider', body: productContent({ serviceType: 'software', delivery: 'email' }) });
    expect(unknown.status).toBe(400);
  });

  it('answers 400 naming requirementsTemplate for a SaaS form with a file field (it is answered before there is an order)', async () => {
    const template = [{ key: 'diagram', label: '拓扑图', type: 'file', required: false }];
    const res = await invoke(create, { as: 'provider', body: productContent({ serviceType: 'saas', delivery: 'saas', requirementsTemplate: template }) });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['requirementsTemplate']);
    // a manual product's form may ask for files: they are uploaded to the order
    expect((await invoke(create, { as: 'provider', body: productContent({ serviceType: 'saas', delivery: 'manual', requirementsTemplate: template }) })).status).toBe(201);
    const saas = must(await invoke(create, { as: 'provider', body: productContent({ serviceType: 'saas', delivery: 'saas' }) }), 201);
    const edited = await invoke(edit, { as: 'provider', params: p(saas.productId), body: { delivery: 'saas', requirementsTemplate: template } });
    expect(edited.status).toBe(400);
    expect(edited.body.errors[0].path).toBe('requirementsTemplate');
  });

  it('checks an edit of one against the stored other, with the edit’s own write', async () => {
    const product = must(await invoke(create, { as: 'provider', body: productContent({ serviceType: 'software', delivery: 'code' }) }), 201);
    // the service type alone: ops_service cannot keep codes
    const type = await invoke(edit, { as: 'provider', params: p(product.productId), body: { serviceType: 'ops_service' } });
    expect(type.status).toBe(400);
    expect(type.body.errors[0].path).toBe('delivery');
    // the delivery alone: software allows saas
    const saas = must(await invoke(edit, { as: 'provider', params: p(product.productId), body: { delivery: 'saas' } }), 200);
    expect(saas.draft).toMatchObject({ serviceType: 'software', delivery: 'saas' });
    // api allows saas too
    must(await invoke(edit, { as: 'provider', params: p(product.productId), body: { serviceType: 'api' } }), 200);
    // both together: checked at the door
    const both = await invoke(edit, { as: 'provider', params: p(product.productId), body: { serviceType: 'image', delivery: 'saas' } });
    expect(both.status).toBe(400);
    must(await invoke(edit, { as: 'provider', params: p(product.productId), body: { serviceType: 'ops_service', delivery: 'manual' } }), 200);
    // the draft is in the product's body, its card (what the edit's condition reads) on the head
    const stored = await readItem(keys.productBody(product.productId));
    expect(stored?.draft).toMatchObject({ serviceType: 'ops_service', delivery: 'manual' });
    expect((await readItem(keys.product(product.productId)))?.draftCard).toMatchObject({ serviceType: 'ops_service', delivery: 'manual' });
    // someone else's product is still 404, whatever the content
    const other = await invoke(edit, { as: 'provider2', params: p(product.productId), body: { delivery: 'code' } });
    expect(other.status).toBe(404);
  });

  it('reads content stored before deliveries existed as manual, and lets a type change pass', async () => {
    const product = must(await invoke(create, { as: 'provider', body: productContent({ serviceType: 'software' }) }), 201);
    // stored before deliveries existed: neither the draft (body) nor its card (head, and the head's list row) has one
    const body = await readItem(keys.productBody(product.productId));
    const { delivery: _d, ...draft } = body!.draft as Record<string, unknown>;
    await ddb.send(new PutCommand({ TableName: tableName, Item: { ...body, draft } }));
    const head = await readItem(keys.product(product.productId));
    const withoutDelivery = (card: unknown) => {
      const { delivery: _, ...rest } = card as Record<string, unknown>;
      return rest;
    };
    const row = head!.row as Record<string, unknown> | undefined;
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...head, draftCard: withoutDelivery(head!.draftCard), ...(row?.draftCard ? { row: { ...row, draftCard: withoutDelivery(row.draftCard) } } : {}) },
      }),
    );
    must(await invoke(edit, { as: 'provider', params: p(product.productId), body: { serviceType: 'custom_dev' } }), 200);
    const codes = await invoke(edit, { as: 'provider', params: p(product.productId), body: { delivery: 'code' } });
    expect(codes.status).toBe(400);
  });

  it('shows on the product page and the catalogue, and the order keeps it', async () => {
    const product = await productIn('listed', 'provider', { serviceType: 'software', delivery: 'code', name: '交付方式测试' });
    const shown = must(await invoke(page, { params: p(product.productId) }), 200);
    expect(shown.delivery).toBe('code');
    const list = must(await invoke(catalog, { query: { serviceType: 'software', limit: '100' } }), 200);
    expect(list.items.find((i: { productId: string }) => i.productId === product.productId)?.delivery).toBe('code');
    const manual = await productIn('listed', 'provider');
    const order = must(await invoke(buy, { as: 'buyer', body: { productId: manual.productId, planId: 'basic' } }), 201);
    expect(order).toMatchObject({ delivery: 'manual', deliveryNote: null });
    const read = must(await invoke(getOrder, { as: 'buyer', params: { orderId: order.orderId } }), 200);
    expect(read.delivery).toBe('manual');
  });

  it('reads an order stored before deliveries existed as manual, with its delivery note', async () => {
    const manual = await productIn('listed', 'provider');
    const order = must(await invoke(buy, { as: 'buyer', body: { productId: manual.productId, planId: 'basic' } }), 201);
    const stored = await readItem(keys.order(order.orderId));
    const note = { note: '已完成', at: '2026-01-01T00:00:00.000Z' };
    await ddb.send(new PutCommand({ TableName: tableName, Item: { ...stored, delivery: note } }));
    const read = must(await invoke(getOrder, { as: 'buyer', params: { orderId: order.orderId } }), 200);
    expect(read).toMatchObject({ delivery: 'manual', deliveryNote: note });
  });
});
