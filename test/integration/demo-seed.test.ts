import { describe, expect, it } from 'vitest';
import { listProviderProducts } from '../../lib/products/repository';
import { listOrders } from '../../lib/orders/repository';
import { newId } from '../../lib/shared/ids';
import { seedDemoData } from '../../scripts/lib/seed';

// `npm start` seeds the demo data through the repositories: it must keep working as their writes change.
describe('the demo seed', () => {
  it('writes products in every status and orders in every status, and keeps them on a second run', async () => {
    const ids = { provider: newId(), buyer: newId(), operator: newId() };
    expect(await seedDemoData(ids)).toMatch(/^Seeded demo products/);
    const provider = { id: ids.provider, roles: ['provider' as const] };
    for (const status of ['listed', 'in_review', 'draft', 'rejected', 'delisted'] as const) {
      const page = await listProviderProducts(provider, { limit: 10, status });
      expect(page.items.length, status).toBeGreaterThan(0);
    }
    const orders = await listOrders({ buyerId: ids.buyer }, { limit: 50 } as never);
    expect(new Set(orders.items.map((o) => o.status)).size).toBeGreaterThanOrEqual(6);
    expect(await seedDemoData(ids)).toBe('Demo data kept from the last run.');
  });
});
