import { describe, expect, it } from 'vitest';
import { handler as create } from '../../functions/products/create';
import { handler as listOwn } from '../../functions/products/list-own';
import { handler as getOwn } from '../../functions/products/get-own';
import { handler as edit } from '../../functions/products/edit';
import { handler as submit } from '../../functions/products/submit';
import { handler as withdraw } from '../../functions/products/withdraw';
import { handler as delist } from '../../functions/products/delist';
import { handler as catalog } from '../../functions/products/catalog';
import { handler as page } from '../../functions/products/page';
import { handler as reviews } from '../../functions/operator/review-queue';
import { handler as approve } from '../../functions/operator/approve';
import { handler as reject } from '../../functions/operator/reject';
import { keys } from '../../lib/db/keys';
import { newId } from '../../lib/shared/ids';
import { readItem } from '../support/db';
import { productContent } from '../support/fixtures';
import type { TestUser } from '../support/global-setup';
import { invoke, user } from '../support/http';
import { productIn } from '../support/products';

type Caller = 'anonymous' | 'buyer' | 'provider' | 'provider2' | 'operator';
const CALLERS: Caller[] = ['anonymous', 'buyer', 'provider', 'provider2', 'operator'];
const as = (c: Caller) => (c === 'anonymous' ? undefined : c);

interface RouteCase {
  route: string;
  handler: Parameters<typeof invoke>[0];
  /** The product state the owner needs for the call to succeed. */
  state?: 'draft' | 'in_review' | 'listed';
  body?: unknown;
  /** The product's version goes into the body (a review decision names the version reviewed). */
  versioned?: boolean;
  expect: Record<Caller, number>;
}

const owned = { anonymous: 401, buyer: 403, provider: 200, provider2: 404, operator: 403 };
const operatorOnly = { anonymous: 401, buyer: 403, provider: 403, provider2: 403, operator: 200 };

const cases: RouteCase[] = [
  { route: 'GET /provider/products/{id}', handler: getOwn, state: 'draft', expect: owned },
  { route: 'PATCH /provider/products/{id}', handler: edit, state: 'draft', body: { summary: 'edited' }, expect: owned },
  { route: 'POST /provider/products/{id}/submit', handler: submit, state: 'draft', expect: owned },
  { route: 'POST /provider/products/{id}/withdraw', handler: withdraw, state: 'in_review', expect: owned },
  { route: 'POST /provider/products/{id}/delist', handler: delist, state: 'listed', expect: owned },
  { route: 'POST /operator/products/{id}/approve', handler: approve, state: 'in_review', versioned: true, expect: operatorOnly },
  { route: 'POST /operator/products/{id}/reject', handler: reject, state: 'in_review', body: { reason: 'no' }, versioned: true, expect: operatorOnly },
  { route: 'GET /products/{id}', handler: page, state: 'listed', expect: { anonymous: 200, buyer: 200, provider: 200, provider2: 200, operator: 200 } },
];

describe('authorization of every product route', () => {
  for (const c of cases) {
    for (const caller of CALLERS) {
      it(`${c.route} answers ${c.expect[caller]} to ${caller}`, async () => {
        const product = await productIn(c.state!, 'provider');
        const before = await readItem(keys.product(product.productId));
        const body = c.versioned ? { ...(c.body as object), version: product.version } : c.body;
        const res = await invoke(c.handler, { as: as(caller), params: { productId: product.productId }, body });
        expect(res.status).toBe(c.expect[caller]);
        if (res.status >= 400) {
          expect(res.headers['content-type']).toBe('application/problem+json');
          // a refused call leaves the product exactly as it was
          expect(await readItem(keys.product(product.productId))).toEqual(before);
        }
      });
    }
  }

  it('answers a foreign product exactly like an absent one, so ids leak nothing', async () => {
    const product = await productIn('draft', 'provider');
    for (const handler of [getOwn, submit, withdraw, delist]) {
      const foreign = await invoke(handler, { as: 'provider2', params: { productId: product.productId } });
      const absent = await invoke(handler, { as: 'provider2', params: { productId: newId() } });
      expect(foreign.status).toBe(404);
      expect({ ...foreign.body, instance: undefined }).toEqual({ ...absent.body, instance: undefined });
    }
  });

  it('answers 404 for a product page that is not listed, to everyone including its owner', async () => {
    const product = await productIn('in_review', 'provider');
    for (const caller of CALLERS) {
      expect((await invoke(page, { as: as(caller), params: { productId: product.productId } })).status).toBe(404);
    }
  });

  it('answers 404 for a malformed product id', async () => {
    expect((await invoke(getOwn, { as: 'provider', params: { productId: '../etc' } })).status).toBe(404);
  });

  for (const caller of CALLERS) {
    const want = { anonymous: 401, buyer: 403, provider: 201, provider2: 201, operator: 403 }[caller];
    it(`POST /provider/products answers ${want} to ${caller}`, async () => {
      expect((await invoke(create, { as: as(caller), body: productContent() })).status).toBe(want);
    });
  }

  for (const caller of CALLERS) {
    const want = { anonymous: 401, buyer: 403, provider: 200, provider2: 200, operator: 403 }[caller];
    it(`GET /provider/products answers ${want} to ${caller} and lists only its own`, async () => {
      const mine = await productIn('draft', 'provider');
      const res = await invoke(listOwn, { as: as(caller), query: { limit: '100' } });
      expect(res.status).toBe(want);
      if (res.status === 200) {
        const ids = res.body.items.map((i: any) => i.productId);
        expect(ids.includes(mine.productId)).toBe(caller === 'provider');
        for (const item of res.body.items) expect(item.providerId).toBe(user(caller as TestUser).id);
      }
    });
  }

  for (const caller of CALLERS) {
    it(`GET /operator/reviews answers ${operatorOnly[caller]} to ${caller}`, async () => {
      expect((await invoke(reviews, { as: as(caller) })).status).toBe(operatorOnly[caller]);
    });
    it(`GET /products answers 200 to ${caller} and shows only listed products`, async () => {
      const hidden = await productIn('in_review', 'provider');
      const res = await invoke(catalog, { as: as(caller), query: { limit: '100' } });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: any) => i.productId)).not.toContain(hidden.productId);
    });
  }
});
