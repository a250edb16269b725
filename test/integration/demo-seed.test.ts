import { describe, expect, it } from 'vitest';
import { listProviderProducts } from '../../lib/products/repository';
import { listOrders } from '../../lib/orders/repository';
import { newId } from '../../lib/shared/ids';
import { DEMO_ORGANISATION, SECOND_ORGANISATION, seedDemoData } from '../../scripts/lib/seed';
import { loadPerson } from '../../lib/people/person';

// `npm start` seeds the demo data through the repositories: it must keep working as their writes change.
// hundreds of writes, one after another: on a loaded machine (CI's two cores beside `npm start`'s own test) that is
// well over the default half minute
describe('the demo seed', { timeout: 120_000 }, () => {
  it('writes products in every status and orders in every status, and keeps them on a second run', async () => {
    const ids = { provider: newId(), buyer: newId(), operator: newId(), delivery: newId(), products: newId(), provider2: newId() };
    expect(await seedDemoData(ids)).toMatch(/^Seeded demo products/);
    const acting = { providerId: ids.provider, role: 'admin' as const, organisationName: DEMO_ORGANISATION };
    const provider = { id: ids.provider, roles: ['provider' as const], memberships: [acting], provider: acting };
    // the demo organisation with its administrator and two members, and a second organisation
    expect((await loadPerson(ids.provider)).memberships).toEqual([acting]);
    expect((await loadPerson(ids.delivery)).memberships).toEqual([{ providerId: ids.provider, role: 'delivery', organisationName: DEMO_ORGANISATION }]);
    expect((await loadPerson(ids.products)).memberships).toEqual([{ providerId: ids.provider, role: 'products', organisationName: DEMO_ORGANISATION }]);
    expect((await loadPerson(ids.provider2)).memberships).toEqual([{ providerId: ids.provider2, role: 'admin', organisationName: SECOND_ORGANISATION }]);
    for (const status of ['listed', 'in_review', 'draft', 'rejected', 'delisted'] as const) {
      const page = await listProviderProducts(provider, { limit: 10, status });
      expect(page.items.length, status).toBeGreaterThan(0);
    }
    const orders = await listOrders({ buyerId: ids.buyer }, { limit: 50 } as never);
    expect(new Set(orders.items.map((o) => o.status)).size).toBeGreaterThanOrEqual(6);
    expect(await seedDemoData(ids)).toBe('Demo data kept from the last run.');
  });
});
