import { describe, expect, it } from 'vitest';
import { handler as catalog } from '../../functions/products/catalog';
import { handler as createProduct } from '../../functions/products/create';
import { handler as editProduct } from '../../functions/products/edit';
import { handler as submit } from '../../functions/products/submit';
import { handler as approve } from '../../functions/operator/approve';
import { handler as listBuyer } from '../../functions/orders/list-buyer';
import { handler as listProvider } from '../../functions/orders/list-provider';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as buy } from '../../functions/orders/create';
import { keys } from '../../lib/db/keys';
import { productContent } from '../support/fixtures';
import { invoke, user } from '../support/http';
import { listedProduct, orderIn } from '../support/orders';
import { must, productIn } from '../support/products';

const cursorOf = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

const expect400Naming = (res: { status: number; body: any; headers?: Record<string, string> }, field: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.headers?.['content-type'] ?? 'application/problem+json').toBe('application/problem+json');
  expect(res.body.errors.map((e: any) => e.path)).toContain(field);
};

describe('limits decided at the door: each a 400 naming the field, never a 500', () => {
  it('refuses cursors of the right partition whose key values are numbers or empty strings', async () => {
    const catalogKey = (pk: unknown, sk: unknown, ipk: unknown, isk: unknown) => ({ PK: pk, SK: sk, GSI2PK: ipk, GSI2SK: isk });
    const buyerPk = keys.buyerOrders(user('buyer').id);
    const orderKey = (pk: unknown, sk: unknown, ipk: unknown, isk: unknown) => ({ PK: pk, SK: sk, GSI2PK: ipk, GSI2SK: isk });
    const variants = [
      [1, 'PRODUCT', 'CATALOG', '2026#x'],
      ['PRODUCT#x', 2, 'CATALOG', '2026#x'],
      ['PRODUCT#x', 'PRODUCT', 'CATALOG', 3],
      ['', 'PRODUCT', 'CATALOG', '2026#x'],
      ['PRODUCT#x', '', 'CATALOG', '2026#x'],
      ['PRODUCT#x', 'PRODUCT', 'CATALOG', ''],
      [1.5, -1, 'CATALOG', 0],
    ] as const;
    for (const [pk, sk, ipk, isk] of variants) {
      expect400Naming(await invoke(catalog, { query: { cursor: cursorOf(catalogKey(pk, sk, ipk, isk)) } }), 'cursor');
      const ordersCursor = cursorOf(orderKey(pk, sk, buyerPk, isk));
      expect400Naming(await invoke(listBuyer, { as: 'buyer', query: { cursor: ordersCursor } }), 'cursor');
      // a merged list's cursor: the list it belongs to and the sort key it stopped at
      expect400Naming(await invoke(listBuyer, { as: 'buyer', query: { cursor: cursorOf({ l: pk, a: isk }) } }), 'cursor');
    }
  });

  it('compares createdFrom and createdTo as instants whatever their UTC offsets', async () => {
    const order = await orderIn('awaiting_start', { buyer: 'buyer2', provider: 'provider2' });
    const created = new Date(order.createdAt);
    const fmt = (d: Date, offsetHours: number) => {
      const shifted = new Date(d.getTime() + offsetHours * 3600_000).toISOString().slice(0, 19);
      const sign = offsetHours >= 0 ? '+' : '-';
      return `${shifted}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
    };
    // from 1 minute before in +08:00, to 1 minute after in -05:00: as strings these invert, as instants they do not
    const query = { createdFrom: fmt(new Date(created.getTime() - 60_000), 8), createdTo: fmt(new Date(created.getTime() + 60_000), -5) };
    const res = must(await invoke(listProvider, { as: 'provider2', query }), 200);
    expect(res.items.map((o: any) => o.orderId)).toContain(order.orderId);
    const inverted = await invoke(listProvider, { as: 'provider2', query: { createdFrom: query.createdTo, createdTo: fmt(created, -12) } });
    expect400Naming(inverted, 'createdTo');
  });

  it('refuses a cursor outside the requested time range', async () => {
    await orderIn('awaiting_start', { buyer: 'buyer2', provider: 'provider2' });
    await orderIn('awaiting_start', { buyer: 'buyer2', provider: 'provider2' });
    const page = must(await invoke(listBuyer, { as: 'buyer2', query: { limit: '1' } }), 200);
    expect(page.nextCursor).toBeTruthy();
    const res = await invoke(listBuyer, {
      as: 'buyer2',
      query: { cursor: page.nextCursor, createdFrom: '2020-01-01T00:00:00Z', createdTo: '2020-01-02T00:00:00Z' },
    });
    expect400Naming(res, 'cursor');
  });

  it('refuses far-future dates whose UTC year would have six digits', async () => {
    for (const createdTo of ['9999-12-31T23:00:00-05:00', '9999-12-31T23:59:59-14:00']) {
      expect400Naming(await invoke(listProvider, { as: 'provider', query: { createdTo } }), 'createdTo');
    }
    expect400Naming(await invoke(listBuyer, { as: 'buyer', query: { completedFrom: '9999-12-31T20:00:00-10:00' } }), 'completedFrom');
  });

  it('refuses requirement number answers that DynamoDB’s number type cannot hold exactly', async () => {
    const order = await orderIn('awaiting_start', { buyer: 'buyer2', provider: 'provider2' });
    for (const raw of ['9007199254740993', '1e20', '1e200', '1e-200', '123456789012345678901234567890123456789012']) {
      const res = await invoke(requirements, {
        as: 'buyer2',
        params: { orderId: order.orderId },
        rawBody: `{"answers":{"host":"h","cores":${raw}}}`,
      });
      expect400Naming(res, 'answers.cores');
    }
  });

  it('refuses a body nested 20,000 deep before parsing or hashing it', async () => {
    const product = await listedProduct('provider2');
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const res = await invoke(buy, {
      as: 'buyer2',
      headers: { 'idempotency-key': `deep-${Date.now()}` },
      rawBody: `{"productId":"${product.productId}","planId":"basic","extra":${deep}}`,
    });
    expect400Naming(res, '(body)');
  });

  it('bounds a product’s content so that live and draft together stay under 400 KB', async () => {
    const option = '选'.repeat(60);
    const field = (i: number) => ({ key: `f${i}`, label: '字'.repeat(60), type: 'select', required: false, options: Array.from({ length: 50 }, (_, j) => `${j}${option}`.slice(0, 60)) });
    const biggest = productContent({ description: '描'.repeat(20_000), requirementsTemplate: Array.from({ length: 30 }, (_, i) => field(i)) });
    const refused = await invoke(createProduct, { as: 'provider2', body: biggest });
    expect400Naming(refused, 'requirementsTemplate');
  });

  it('approves and re-approves a product at the largest content it accepts', async () => {
    const field = (i: number) => ({ key: `f${i}`, label: '字'.repeat(60), type: 'select', required: false, options: Array.from({ length: 12 }, (_, j) => `${j}${'选'.repeat(58)}`) });
    let template = Array.from({ length: 30 }, (_, i) => field(i));
    // as large as the door admits: shrink until accepted
    let created;
    for (;;) {
      const res = await invoke(createProduct, { as: 'provider2', body: productContent({ description: '描'.repeat(20_000), requirementsTemplate: template }) });
      if (res.status === 201) {
        created = res.body;
        break;
      }
      expect400Naming(res, 'requirementsTemplate');
      template = template.slice(0, -1);
    }
    expect(template.length).toBeGreaterThan(5);
    const params = { productId: created.productId };
    const submitted = must(await invoke(submit, { as: 'provider2', params }), 200);
    must(await invoke(approve, { as: 'operator', params, body: { version: submitted.version } }), 200);
    const otherTemplate = template.map((f) => ({ ...f, label: '改'.repeat(60) }));
    must(await invoke(editProduct, { as: 'provider2', params, body: { description: '新'.repeat(20_000), requirementsTemplate: otherTemplate } }), 200);
    const again = must(await invoke(submit, { as: 'provider2', params }), 200);
    must(await invoke(approve, { as: 'operator', params, body: { version: again.version } }), 200);
  });
});
