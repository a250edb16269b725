import { describe, expect, it } from 'vitest';
import { Expr } from '../../lib/db/write';
import { isPublic, productItem } from '../../lib/products/items';
import { contentSchema, type ProductHead, type ProductItem } from '../../lib/products/schemas';
import { splitProduct } from '../../lib/products/layout';
import { nextStatus, SUSPENSION_RULES, toOperatorOrganisation } from '../../lib/suspension/model';
import { eventOfTimelineEntry } from '../../lib/events/from-timeline';
import { organisationEntryItem } from '../../lib/suspension/items';

const content = contentSchema.parse({
  name: 'Nginx 调优',
  serviceType: 'saas',
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

/** A product's head (the declaration's value), from the product as the rules see it. */
const listed = (over: Partial<ProductItem> = {}): ProductHead =>
  splitProduct({
  productId: '01PRODUCT',
  providerId: 'prov',
  listing: 'listed',
  review: 'none',
  version: 3,
  live: content,
  draft: content,
  reviewHistory: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  listedAt: '2026-01-02T00:00:00.000Z',
  ...over,
  } as ProductItem).head;

const clauses = (expr: Expr, list: string[]) =>
  list.map((c) => c.replace(/#\w+/g, (n) => expr.names[n] ?? n).replace(/:\w+/g, (v) => JSON.stringify(expr.values[v])));

describe('suspension', () => {
  it('is a two-status machine: suspend from active, reinstate from suspended', () => {
    expect(SUSPENSION_RULES).toEqual({ suspend: { from: 'active', to: 'suspended' }, reinstate: { from: 'suspended', to: 'active' } });
    expect(nextStatus('suspend').to).toBe('suspended');
  });

  it('a product is public only while listed and not suspended', () => {
    expect(isPublic({ listing: 'listed' })).toBe(true);
    expect(isPublic({ listing: 'listed', suspended: true })).toBe(false);
    expect(isPublic({ listing: 'delisted', suspended: true })).toBe(false);
    expect(isPublic({ listing: 'unlisted' })).toBe(false);
  });

  it('hiding a listed product takes it out of both catalogues and nothing else; showing puts back exactly the keys it had', () => {
    const before = productItem.item(listed());
    const hide = new Expr();
    const hidden = productItem.update(hide, { suspended: true }, listed(), true);
    // the flag and its copy in the list row
    expect(clauses(hide, hidden.sets)).toEqual(['suspended = true', 'row.suspended = true']);
    expect(clauses(hide, hidden.removes).sort()).toEqual(['GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK']);
    const show = new Expr();
    const shown = productItem.update(show, { suspended: undefined }, listed({ suspended: true }), true);
    expect(clauses(show, shown.removes)).toEqual(['suspended', 'row.suspended']);
    expect(clauses(show, shown.sets).sort()).toEqual(
      [`GSI2PK = "${before.GSI2PK}"`, `GSI2SK = "${before.GSI2SK}"`, `GSI3PK = "${before.GSI3PK}"`, `GSI3SK = "${before.GSI3SK}"`].sort(),
    );
    expect(before.GSI3PK).toBe('CATALOG#saas');
  });

  it('a suspended product is stored without catalogue keys; its listing and provider lists are untouched', () => {
    const item = productItem.item(listed({ suspended: true }));
    expect(item.GSI2PK).toBeUndefined();
    expect(item.GSI3PK).toBeUndefined();
    expect(item.GSI5PK).toBe('PROVIDER#prov#PRODUCTS#listed');
    expect(item.GSI8PK).toBe('PRODUCTS#listed');
  });

  it('delisting a hidden product needs no knowledge of the flag; showing a delisted one puts nothing in the catalogue', () => {
    const expr = new Expr();
    expect(() => productItem.update(expr, { listing: 'delisted' }, { productId: '01PRODUCT' })).not.toThrow();
    const show = new Expr();
    const shown = productItem.update(show, { suspended: undefined }, listed({ listing: 'delisted', listedAt: undefined, suspended: true }), true);
    expect(clauses(show, shown.sets)).toEqual([]);
  });

  it('an organisation timeline entry makes provider.suspended with the reason, and the operator view labels the status', () => {
    const entry = organisationEntryItem.item({
      entity: 'organisation',
      entryId: '01ENTRY',
      providerId: 'prov',
      action: 'suspend',
      actor: 'op',
      role: 'operator',
      at: '2026-01-03T00:00:00.000Z',
      data: { reason: '资质过期' },
    });
    expect(entry).toMatchObject({ PK: 'PROVIDER#prov', type: 'timeline' });
    const event = eventOfTimelineEntry(entry);
    expect(event).toMatchObject({ id: '01ENTRY', type: 'provider.suspended', data: { providerId: 'prov', action: 'suspend', detail: { reason: '资质过期' } } });
    expect(JSON.stringify(event)).not.toContain('"op"');
    const view = toOperatorOrganisation({
      providerId: 'prov',
      name: '云栖',
      status: 'suspended',
      admins: 1,
      suspension: { reason: '资质过期', at: '2026-01-03T00:00:00.000Z', by: 'op' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-03T00:00:00.000Z',
    });
    expect(view).toMatchObject({ status: 'suspended', statusLabel: '已暂停' });
  });
});
