import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, ifAbsent } from '../../lib/db/item';
import { Expr } from '../../lib/db/write';
import { indexes } from '../../lib/db/keys';
import { ITEM_DECLARATIONS } from '../../lib/items';
import { inboxItem, notificationItem } from '../../lib/notifications/items';
import { orderItem } from '../../lib/orders/items';
import { productItem } from '../../lib/products/items';
import { contentSchema, type ProductItem } from '../../lib/products/schemas';
import { deliveryItem } from '../../lib/webhooks/items';
import { tableDefinition } from '../../scripts/lib/infra';
import { renderIndexMap } from '../../scripts/lib/index-map';

const content = contentSchema.parse({
  name: 'Nginx 调优',
  serviceType: 'ops_service',
  summary: '调优',
  description: '由认证工程师完成。',
  logoUrl: 'https://cdn.example.com/logos/ops.png',
  category: '运维服务',
  tags: ['运维'],
  deliveryDays: 3,
  warrantyDays: 30,
  plans: [{ planId: 'once', name: '单次服务', duration: 1, unit: 'times', listPrice: 100_000, price: 88_000 }],
  requirementsTemplate: [],
  requirementsBeforeStart: false,
});

const product = (over: Partial<ProductItem> = {}): ProductItem => ({
  productId: '01PRODUCT',
  providerId: 'prov',
  listing: 'unlisted',
  review: 'draft',
  version: 1,
  live: null,
  draft: content,
  reviewHistory: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('the index map', () => {
  it('docs/indexes.md is what `npm run docs:indexes` writes from the declarations', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'indexes.md'), 'utf8');
    expect(committed, 'docs/indexes.md is stale: run `npm run docs:indexes`').toBe(renderIndexMap());
  });

  it('the table serverless.yml deploys (and the local stack creates) has exactly the declared indexes', () => {
    const table = tableDefinition('T');
    const declared = Object.values(indexes).map((i) => ({ name: i.name, pk: i.pk, sk: i.sk }));
    const deployed = (table.GlobalSecondaryIndexes ?? []).map((g) => ({
      name: g.IndexName,
      pk: g.KeySchema?.find((k) => k.KeyType === 'HASH')?.AttributeName,
      sk: g.KeySchema?.find((k) => k.KeyType === 'RANGE')?.AttributeName,
    }));
    expect(deployed).toEqual(declared);
    // each index projects `row`, `type` and the names the item types placed in it project by name; AWS allows
    // 100 projected names summed over every index of a table
    for (const g of table.GlobalSecondaryIndexes ?? []) {
      const placed = ITEM_DECLARATIONS.filter((d) => d.places().some(([name]) => name === g.IndexName));
      const byName = [...new Set(placed.flatMap((d) => d.projectedNames()))].sort();
      expect(g.Projection?.ProjectionType, g.IndexName).toBe('INCLUDE');
      expect(g.Projection?.NonKeyAttributes, g.IndexName).toEqual(['row', 'type', ...byName]);
    }
    expect((table.GlobalSecondaryIndexes ?? []).reduce((n, g) => n + (g.Projection?.NonKeyAttributes?.length ?? 0), 0)).toBeLessThanOrEqual(100);
    const stringAttrs = (table.AttributeDefinitions ?? []).filter((a) => a.AttributeType === 'S').map((a) => a.AttributeName);
    expect(stringAttrs.sort()).toEqual(['PK', 'SK', ...declared.flatMap((d) => [d.pk, d.sk])].sort());
  });

  it('every index of the table holds at least one declared item type, and every declared place is an index of the table', () => {
    const used = new Set(ITEM_DECLARATIONS.flatMap((d) => d.places().map(([name]) => name)));
    expect([...used].sort()).toEqual(Object.keys(indexes).sort());
  });

  it('no module but the key module and the declarations names an index key attribute: writes go through the declarations', () => {
    const root = join(__dirname, '..', '..');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const path = join(dir, f);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
      });
    const allowed = /^lib\/(db\/(keys|item)|items|[a-z-]+\/items)\.ts$/;
    const offenders = ['lib', 'functions', 'scripts']
      .flatMap((d) => files(join(root, d)))
      .map((f) => relative(root, f).split('\\').join('/'))
      .filter((f) => !allowed.test(f) && /GSI\d+(PK|SK)/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('names every declaration once', () => {
    const names = ITEM_DECLARATIONS.map((d) => d.spec.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('item declarations', () => {
  it('write the key, the entity as `type`, and the index keys; stale index keys of a read item are computed again', () => {
    const item = productItem.item({ ...product({ listing: 'listed', review: 'none', live: content, listedAt: '2026-01-02T00:00:00.000Z' }), GSI4PK: 'stale' } as never);
    expect(item).toMatchObject({
      PK: 'PRODUCT#01PRODUCT',
      SK: 'PRODUCT',
      type: 'product',
      GSI1PK: 'PROVIDER#prov#PRODUCTS',
      GSI2PK: 'CATALOG',
      GSI2SK: '2026-01-02T00:00:00.000Z#01PRODUCT',
      GSI3PK: 'CATALOG#ops_service',
      GSI5PK: 'PROVIDER#prov#PRODUCTS#listed',
      GSI8PK: 'PRODUCTS#listed',
    });
    expect(item).not.toHaveProperty('GSI4PK');
  });

  it('refuse a value that does not match the shape', () => {
    expect(() => productItem.item({ ...product(), listing: 'sold' } as never)).toThrow(/does not match its declaration/);
  });

  it('puts a product in the review queue only while in review, and out of the catalogue unless listed', () => {
    const inReview = productItem.indexAttributes(product({ review: 'in_review', submittedAt: '2026-01-03T00:00:00.000Z' }));
    expect(inReview).toMatchObject({ GSI4PK: 'REVIEW', GSI4SK: '2026-01-03T00:00:00.000Z#01PRODUCT' });
    expect(inReview).not.toHaveProperty('GSI2PK');
    expect(inReview).not.toHaveProperty('GSI3PK');
  });

  it('an update rewrites exactly the index keys made of what it changes, and leaves a sparse index it no longer matches', () => {
    // editing a draft: the review code moves in GSI5 and GSI8, and nothing is in review
    expect(productItem.indexChanges({ review: 'draft' }, { productId: '01PRODUCT' })).toEqual({
      set: { GSI5SK: '1#01PRODUCT', GSI8SK: '1#01PRODUCT' },
      remove: ['GSI4PK', 'GSI4SK'],
    });
    const expr = new Expr();
    const { sets, removes } = notificationItem.update(expr, { read: true, readAt: 'now' });
    // the two attributes and their copies in the list row
    expect(sets).toHaveLength(4);
    expect(removes.map((r) => expr.names[r])).toEqual(['GSI2PK', 'GSI2SK']);
  });

  it('an update that moves a key must know every fact it is made of, or copy the key from a stored copy', () => {
    // approving a product lists it (since when?): unknown here
    expect(() => productItem.indexChanges({ listing: 'listed', review: 'none' }, { productId: '01PRODUCT', suspended: undefined })).toThrow(/`listedAt`/);
    // the provider (whose listed partition?) is unknown too, but the product stores that key for each listing
    expect(productItem.indexChanges({ listing: 'delisted' }, { productId: '01PRODUCT' })).toEqual({
      set: { GSI8PK: 'PRODUCTS#delisted' },
      copy: { GSI5PK: 'listingKey_delisted' },
      remove: ['GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK'],
    });
    // a key with no stored copy still needs its facts
    expect(() => orderItem.indexChanges({ status: 'in_service' } as never, { orderId: '01ORDER' } as never)).toThrow(/does not know/);
  });

  it('a product stores the copies of the keys a blind status change cannot build, and each Put writes them', () => {
    const item = productItem.item(product());
    expect(item).toMatchObject({
      listingKey_unlisted: 'PROVIDER#prov#PRODUCTS#unlisted',
      listingKey_listed: 'PROVIDER#prov#PRODUCTS#listed',
      listingKey_delisted: 'PROVIDER#prov#PRODUCTS#delisted',
      draftCatalogKey: 'CATALOG#ops_service',
    });
    // stale copies of a read item are computed again, like its index keys
    expect(productItem.item({ ...product(), draftCatalogKey: 'CATALOG#saas' } as never)).toMatchObject({ draftCatalogKey: 'CATALOG#ops_service' });
  });

  it('an operator’s approve copies the keys it cannot build, keeps a listing time already set, and needs the copies to exist', () => {
    const expr = new Expr();
    const { sets, removes, copies, conditions } = productItem.update(
      expr,
      { listing: 'listed', review: 'none', live: copyOf('draft'), listedAt: ifAbsent('2026-01-05T00:00:00.000Z') },
      { productId: '01PRODUCT', suspended: undefined }, // approval is conditioned on the product not being suspended
    );
    const text = (clause: string) => clause.replace(/#\w+/g, (n) => expr.names[n] ?? n).replace(/:\w+/g, (v) => JSON.stringify(expr.values[v]));
    expect(sets.map(text)).toEqual(
      expect.arrayContaining([
        'live = draft',
        'listedAt = if_not_exists(listedAt, "2026-01-05T00:00:00.000Z")',
        'GSI2PK = "CATALOG"',
        'GSI2SK = if_not_exists(GSI2SK, "2026-01-05T00:00:00.000Z#01PRODUCT")',
        'GSI3PK = draftCatalogKey',
        'GSI3SK = if_not_exists(GSI3SK, "2026-01-05T00:00:00.000Z#01PRODUCT")',
        'GSI5PK = listingKey_listed',
        'GSI5SK = "1#01PRODUCT"',
        'GSI8PK = "PRODUCTS#listed"',
      ]),
    );
    expect(removes.map(text)).toEqual(['GSI4PK', 'GSI4SK']);
    expect(copies.sort()).toEqual(['draftCatalogKey', 'listingKey_listed']);
    expect(conditions.map(text).sort()).toEqual(['attribute_exists(draftCatalogKey)', 'attribute_exists(listingKey_listed)']);
    // the provider's own step knows the provider: its key is built, not copied
    expect(productItem.indexChanges({ listing: 'delisted', listedAt: undefined }, { productId: '01PRODUCT', providerId: 'prov' }).set).toMatchObject({
      GSI5PK: 'PROVIDER#prov#PRODUCTS#delisted',
    });
  });

  it('an edit writes the key copies it can build from what it knows', () => {
    const expr = new Expr();
    const text = (clause: string) => clause.replace(/#\w+/g, (n) => expr.names[n] ?? n).replace(/:\w+/g, (v) => JSON.stringify(expr.values[v]));
    expect(productItem.copiesKnown(expr, { providerId: 'prov' }).map(text)).toEqual([
      'listingKey_unlisted = "PROVIDER#prov#PRODUCTS#unlisted"',
      'listingKey_listed = "PROVIDER#prov#PRODUCTS#listed"',
      'listingKey_delisted = "PROVIDER#prov#PRODUCTS#delisted"',
    ]);
    expect(productItem.copiesKnown(expr, { providerId: 'prov', draft: { serviceType: 'saas' } }).map(text)).toContain('draftCatalogKey = "CATALOG#saas"');
    expect(() => productItem.update(expr, { draftCatalogKey: 'x' } as never)).toThrow(/declaration's/);
  });

  it('an order is in the due index only while a job has something to do with it, and the appeal queue sorts by appeal time', () => {
    const order = {
      orderId: '01ORDER',
      providerId: 'prov',
      buyerId: 'buyer',
      status: 'disputed',
      statusSince: '2026-02-01T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
    } as never;
    expect(orderItem.indexAttributes(order)).not.toHaveProperty('GSI4PK');
    const due = orderItem.indexAttributes({ ...(order as object), dueAt: '2026-02-08T00:00:00.000Z' } as never);
    expect(due.GSI4PK).toMatch(/^DUE#\d+$/);
    expect(due.GSI4SK).toBe('2026-02-08T00:00:00.000Z#01ORDER');
    expect(due.GSI8SK).toBe('2026-02-01T00:00:00.000Z#01ORDER');
    expect(due.GSI6PK).toBe('BUYER#buyer#ORDERS#disputed');
  });

  it('a counter an update creates gets its type and its index keys; an update never sets a key or the type itself', () => {
    const expr = new Expr();
    const sets = inboxItem.identity(expr, { userId: 'u1' });
    const written = Object.fromEntries(sets.map((c) => c.split(' = ')).map(([n, v]) => [expr.names[n], expr.values[v]]));
    expect(written).toEqual({ type: 'inbox', GSI1PK: 'USER#u1#NOTIFICATIONS', GSI1SK: '~INBOX', GSI2PK: 'USER#u1#UNREAD', GSI2SK: '~INBOX' });
    expect(() => notificationItem.update(new Expr(), { type: 'x' } as never)).toThrow(/declaration's/);
  });

  it('a delivery leaves the retry index when it is no longer pending', () => {
    const d = {
      deliveryId: '01D',
      providerId: 'prov',
      status: 'pending',
      createdAt: '2026-01-01T00:00:00.000Z',
      nextAttemptAt: '2026-01-01T00:01:00.000Z',
    } as never;
    expect(deliveryItem.indexChanges({ status: 'succeeded', nextAttemptAt: undefined }, d, true)).toEqual({
      set: { GSI8PK: 'PROVIDER#prov#DELIVERIES#succeeded' },
      remove: ['GSI4PK', 'GSI4SK'],
    });
  });
});
