import { describe, expect, it } from 'vitest';
import { handler as cancel } from '../../functions/orders/cancel';
import { handler as listBuyer } from '../../functions/orders/list-buyer';
import { handler as listProvider } from '../../functions/orders/list-provider';
import { handler as buy } from '../../functions/orders/create';
import { handler as takedown } from '../../functions/operator/takedown';
import { handler as listOwnProducts } from '../../functions/products/list-own';
import { handler as edit } from '../../functions/products/edit';
import { countRoundTrips, MEMBERSHIP_READ } from '../support/db';
import type { TestUser } from '../support/global-setup';
import { invoke } from '../support/http';
import { listedProduct } from '../support/orders';
import { must, productIn } from '../support/products';

/** The provider's lists read the caller's memberships on every request (docs/decisions.md): counted apart. */
const PROVIDER_LISTS = new Set<unknown>([listProvider, listOwnProducts]);

/**
 * Walks a list to its end, one page at a time; counts the pages, the round trips the list itself cost (a
 * provider's page also reads the caller's memberships, MEMBERSHIP_READ, not counted here) and what it found.
 */
const walk = async (handler: Parameters<typeof invoke>[0], as: TestUser, query: Record<string, string>) => {
  const found: any[] = [];
  let pages = 0;
  let cursor: string | undefined;
  const { roundTrips } = await countRoundTrips(async () => {
    do {
      const page = must(await invoke(handler, { as, query: { ...query, ...(cursor ? { cursor } : {}) } }), 200);
      pages++;
      expect(page.items.length, 'a page holds only what matches, and is never empty with a cursor').toBeGreaterThan(0);
      found.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  });
  return { found, pages, roundTrips: roundTrips - (PROVIDER_LISTS.has(handler) ? pages * MEMBERSHIP_READ : 0) };
};

describe('list filters are key conditions: walking a filter costs what it finds, not the history', () => {
  it('walks a provider’s and a buyer’s orders by status in one Query per full page, with no cursor at the end', async () => {
    const product = await listedProduct('operatorProvider');
    const bought = [];
    for (let i = 0; i < 12; i++) {
      bought.push(must(await invoke(buy, { as: 'providerBuyer', body: { productId: product.productId, planId: 'basic' } }), 201));
    }
    for (const order of bought.slice(0, 3)) must(await invoke(cancel, { as: 'providerBuyer', params: { orderId: order.orderId }, body: {} }), 200);

    for (const [handler, as] of [
      [listProvider, 'operatorProvider'],
      [listBuyer, 'providerBuyer'],
    ] as const) {
      const cancelled = await walk(handler, as, { status: 'cancelled', limit: '2' });
      expect(cancelled.found.every((o) => o.status === 'cancelled')).toBe(true);
      expect(cancelled.found.length).toBeGreaterThanOrEqual(3);
      expect(cancelled.roundTrips).toBe(Math.ceil(cancelled.found.length / 2));
      const waiting = await walk(handler, as, { status: 'awaiting_start', limit: '100' });
      expect(waiting.found.length).toBeGreaterThanOrEqual(9);
      expect(waiting.roundTrips).toBe(1);
    }
  });

  it('answers no cursor when the last page is exactly full', async () => {
    const product = await listedProduct('operatorProvider');
    for (let i = 0; i < 2; i++) must(await invoke(buy, { as: 'operatorBuyer', body: { productId: product.productId, planId: 'basic' } }), 201);
    const all = await walk(listBuyer, 'operatorBuyer', { limit: '100' });
    const exact = must(await invoke(listBuyer, { as: 'operatorBuyer', query: { limit: String(all.found.length) } }), 200);
    expect(exact.items).toHaveLength(all.found.length);
    expect(exact.nextCursor).toBeNull();
  });

  it('walks a provider’s products by status with key conditions only: every item read matches', async () => {
    const made = {
      draft: await productIn('draft', 'providerBuyer'),
      in_review: await productIn('in_review', 'providerBuyer'),
      rejected: await productIn('rejected', 'providerBuyer'),
      listed: await productIn('listed', 'providerBuyer'),
      delisted: await productIn('delisted', 'providerBuyer'),
    };
    // a listed product with a revision in review is still 已上架; one taken down is 已下架 with a rejected revision
    const revised = await productIn('listed', 'providerBuyer');
    must(await invoke(edit, { as: 'providerBuyer', params: { productId: revised.productId }, body: { summary: '修订' } }), 200);
    const takenDown = await productIn('listed', 'providerBuyer');
    must(await invoke(takedown, { as: 'operator', params: { productId: takenDown.productId }, body: { reason: '违规' } }), 200);

    // shards per status: listed behind 3 review codes, delisted behind 2, in_review in 2 listings, draft and rejected 1
    const shards = { draft: 1, in_review: 2, rejected: 1, listed: 3, delisted: 2 } as const;
    for (const status of Object.keys(shards) as (keyof typeof shards)[]) {
      const walked = await walk(listOwnProducts, 'providerBuyer', { status, limit: '100' });
      expect(walked.found.every((p) => p.status === status), status).toBe(true);
      expect(walked.found.map((p) => p.productId), status).toContain(made[status].productId);
      expect(walked.roundTrips, status).toBe(shards[status]);
    }
    const listed = (await walk(listOwnProducts, 'providerBuyer', { status: 'listed', limit: '100' })).found.map((p) => p.productId);
    expect(listed).toContain(revised.productId);
    const delisted = (await walk(listOwnProducts, 'providerBuyer', { status: 'delisted', limit: '100' })).found.map((p) => p.productId);
    expect(delisted).toContain(takenDown.productId);
  });
});
