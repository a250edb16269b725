import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handler as createProduct } from '../../functions/products/create';
import { handler as editProduct } from '../../functions/products/edit';
import { handler as listOwn } from '../../functions/products/list-own';
import { handler as catalog } from '../../functions/products/catalog';
import { handler as reject } from '../../functions/operator/reject';
import { handler as approve } from '../../functions/operator/approve';
import { handler as buy } from '../../functions/orders/create';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as complete } from '../../functions/orders/complete';
import { handler as resolve } from '../../functions/orders/resolve';
import { handler as listProvider } from '../../functions/orders/list-provider';
import { handler as inbox } from '../../functions/notifications/list';
import { handler as putWebhook } from '../../functions/webhooks/put';
import { handler as operatorOrders } from '../../functions/operator/orders';
import { handler as operatorProducts } from '../../functions/operator/products';
import { handler as takedown } from '../../functions/operator/takedown';
import { handler as exportOrders } from '../../functions/orders/export';
import { handler as dashboard } from '../../functions/dashboard/get';
import { handler as webhookDeliveries } from '../../functions/webhooks/deliveries';
import { handler as readAll } from '../../functions/notifications/read-all';
import type { TestUser } from '../support/global-setup';
import { productContent } from '../support/fixtures';
import { invoke } from '../support/http';
import { orderIn } from '../support/orders';
import { productIn } from '../support/products';

const json = fc.jsonValue({ maxDepth: 3 });
/** A valid body with some fields replaced by anything at all, some dropped, some added. */
const mutated = (valid: Record<string, unknown>) =>
  fc
    .tuple(
      fc.subarray(Object.keys(valid)),
      fc.dictionary(fc.constantFrom(...Object.keys(valid), 'status', 'providerId', 'version', '__proto__', 'constructor'), json, { maxKeys: 4 }),
    )
    .map(([keep, replace]) => ({ ...Object.fromEntries(keep.map((k) => [k, valid[k]])), ...replace }));
const bodies = (valid: Record<string, unknown>) => fc.oneof(json, mutated(valid));

const neverFails = async (handler: Parameters<typeof invoke>[0], as: TestUser, body: fc.Arbitrary<unknown>, params?: Record<string, string>) =>
  fc.assert(
    fc.asyncProperty(body, async (b) => {
      const res = await invoke(handler, { as, body: b, params });
      expect(res.status, JSON.stringify(b)).toBeLessThan(500);
      if (res.status >= 400) {
        expect(res.headers['content-type']).toBe('application/problem+json');
        expect(res.body.code).toMatch(/^[A-Z_]+$/);
      }
    }),
    { numRuns: 60 },
  );

describe('anything a client can send answers 2xx or a problem+json 4xx, never 500', () => {
  it('POST /provider/products', () => neverFails(createProduct, 'provider2', bodies(productContent())));

  it('PATCH /provider/products/{id}', async () => {
    const draft = await productIn('draft', 'provider2');
    await neverFails(editProduct, 'provider2', bodies(productContent()), { productId: draft.productId });
  });

  it('approve and reject', async () => {
    const product = await productIn('draft', 'provider2');
    await neverFails(approve, 'operator', bodies({ version: 1 }), { productId: product.productId });
    await neverFails(reject, 'operator', bodies({ reason: 'r', version: 1 }), { productId: product.productId });
  });

  it('POST /orders', async () => {
    const product = await productIn('listed', 'provider2');
    await neverFails(buy, 'buyer2', bodies({ productId: product.productId, planId: 'basic', quantity: 1 }));
  });

  it('order actions with bodies', async () => {
    const order = await orderIn('awaiting_start', { buyer: 'buyer2', provider: 'provider2' });
    await neverFails(requirements, 'buyer2', bodies({ answers: { host: 'h', cores: 2 } }), { orderId: order.orderId });
    const implementing = await orderIn('implementing', { buyer: 'buyer2', provider: 'provider2' });
    await neverFails(complete, 'provider2', bodies({ note: 'n' }), { orderId: implementing.orderId });
    const disputed = await orderIn('disputed', { buyer: 'buyer2', provider: 'provider2' });
    await neverFails(resolve, 'operator', bodies({ outcome: 'implementing', note: 'n' }), { orderId: disputed.orderId });
  });

  it('PUT /provider/webhook', () => neverFails(putWebhook, 'provider2', bodies({ url: 'https://93.184.216.34/x' })));

  it('list queries', async () => {
    const queries = fc.dictionary(
      fc.constantFrom('limit', 'cursor', 'status', 'serviceType', 'productId', 'createdFrom', 'createdTo', 'completedFrom', 'completedTo', 'unread', 'x'),
      fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('0', '1', '100', '101', '-1', 'true', 'draft', 'listed', 'completed', '2026-01-01T00:00:00Z', 'eyJQSyI6IlgifQ')),
    );
    await fc.assert(
      fc.asyncProperty(queries, async (query) => {
        for (const [handler, as] of [
          [listOwn, 'provider2'],
          [catalog, 'buyer2'],
          [listProvider, 'provider2'],
          [inbox, 'buyer2'],
        ] as const) {
          const res = await invoke(handler, { as, query });
          expect(res.status, JSON.stringify(query)).toBeLessThan(500);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('operator takedown bodies and read-all', async () => {
    const product = await productIn('listed', 'provider2');
    await neverFails(takedown, 'operator', bodies({ reason: 'r' }), { productId: product.productId });
    await neverFails(readAll, 'buyer2', json);
  });

  it('queries of the operator search, export, dashboard and deliveries', async () => {
    const cursorOf = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const queries = fc.dictionary(
      fc.constantFrom('limit', 'cursor', 'status', 'orderId', 'providerId', 'buyerId', 'serviceType', 'createdFrom', 'createdTo', 'tz', 'from', 'to', 'x'),
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('0', '100', '101', 'disputed', 'listed', 'in_review', 'failed', 'saas', 'Asia/Shanghai', 'Mars/X', '2026-01-01', '2026-02-30',
          '2026-01-01T00:00:00+08:00', '2025-01-01', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '../../etc'),
        fc.jsonValue({ maxDepth: 2 }).map((v) => cursorOf({ l: 'orders:all', a: v })),
        fc.jsonValue({ maxDepth: 2 }).map(cursorOf),
      ),
    );
    await fc.assert(
      fc.asyncProperty(queries, async (query) => {
        for (const [handler, as] of [
          [operatorOrders, 'operator'],
          [operatorProducts, 'operator'],
          [exportOrders, 'provider2'],
          [dashboard, 'provider2'],
          [webhookDeliveries, 'provider2'],
        ] as const) {
          const res = await invoke(handler, { as, query: query as Record<string, string> });
          expect(res.status, JSON.stringify(query)).toBeLessThan(500);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('generated families of the door’s limits: never a 500', () => {
  const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
  const keyValue = (right: string) =>
    fc.oneof(fc.constant(right), fc.constant(''), fc.string({ maxLength: 30 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

  it('cursors of the right shape with values of any type', async () => {
    const { handler: listBuyer } = await import('../../functions/orders/list-buyer');
    const { user } = await import('../support/http');
    const buyerPk = `BUYER#${user('buyer2').id}#ORDERS`;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ PK: keyValue('PRODUCT#01J0000000000000000000000'), SK: keyValue('PRODUCT'), GSI2PK: keyValue('CATALOG'), GSI2SK: keyValue('2026-01-01T00:00:00.000Z#x') }),
        fc.record({ PK: keyValue('ORDER#01J0000000000000000000000'), SK: keyValue('ORDER'), GSI2PK: keyValue(buyerPk), GSI2SK: keyValue('2026-01-01T00:00:00.000Z#x') }),
        fc.constantFrom(undefined, '2020-01-01T00:00:00Z'),
        async (catalogKey, orderKey, createdFrom) => {
          expect((await invoke(catalog, { query: { cursor: cursorOf(catalogKey) } })).status).toBeLessThan(500);
          const query = { cursor: cursorOf(orderKey), ...(createdFrom ? { createdFrom } : {}) };
          expect((await invoke(listBuyer, { as: 'buyer2', query })).status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('time ranges at any instant with any UTC offset', async () => {
    const at = fc.record({
      t: fc.integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59Z') }),
      offset: fc.integer({ min: -14 * 60, max: 14 * 60 }),
    }).map(({ t, offset }) => {
      const local = new Date(t + offset * 60_000).toISOString();
      if (!/^\d{4}-/.test(local)) return new Date(t).toISOString();
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      return `${local.slice(0, 19)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    });
    await fc.assert(
      fc.asyncProperty(fc.option(at), fc.option(at), fc.option(at), async (createdFrom, createdTo, completedTo) => {
        const query = Object.fromEntries(Object.entries({ createdFrom, createdTo, completedTo }).filter(([, v]) => v !== null)) as Record<string, string>;
        const res = await invoke(listProvider, { as: 'provider2', query });
        expect(res.status, JSON.stringify(query)).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('number answers of any magnitude and precision', async () => {
    const order = await orderIn('awaiting_start', { buyer: 'buyer2', provider: 'provider2' });
    const raw = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }).map(String),
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -400, max: 400 })).map(([m, e]) => `${m}e${e}`),
      fc.stringMatching(/^-?[1-9][0-9]{0,44}(\.[0-9]{1,20})?$/),
    );
    await fc.assert(
      fc.asyncProperty(raw, async (n) => {
        const res = await invoke(requirements, { as: 'buyer2', params: { orderId: order.orderId }, rawBody: `{"answers":{"host":"h","cores":${n}}}` });
        expect(res.status, n).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('bodies nested to any depth, with an Idempotency-Key', async () => {
    const product = await productIn('listed', 'provider2');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30_000 }), fc.constantFrom('{"a":', '['), async (depth, open) => {
        const close = open === '[' ? ']' : '}';
        const deep = `${open.repeat(depth)}1${close.repeat(depth)}`;
        const res = await invoke(buy, {
          as: 'buyer2',
          headers: { 'idempotency-key': `deep-${depth}-${open.length}` },
          rawBody: `{"productId":"${product.productId}","planId":"basic","extra":${deep}}`,
        });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 30 },
    );
  });

  it('products of any size the door admits can be approved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 60 }),
        async (descriptionLength, fields, options, labelLength) => {
          const template = Array.from({ length: fields }, (_, i) => ({
            key: `f${i}`,
            label: '字'.repeat(labelLength),
            type: 'select',
            required: false,
            options: Array.from({ length: options }, (_, j) => `${j}${'选'.repeat(labelLength)}`.slice(0, 60)),
          }));
          const body = productContent({ description: '描'.repeat(descriptionLength), requirementsTemplate: template });
          const created = await invoke(createProduct, { as: 'provider2', body });
          expect(created.status).toBeLessThan(500);
          if (created.status !== 201) return;
          const params = { productId: created.body.productId };
          const submitted = await invoke((await import('../../functions/products/submit')).handler, { as: 'provider2', params });
          const approved = await invoke(approve, { as: 'operator', params, body: { version: submitted.body.version } });
          expect(approved.status).toBe(200);
        },
      ),
      { numRuns: 12 },
    );
  });
});
