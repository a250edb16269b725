import { describe, expect, it } from 'vitest';
import { handler as buy } from '../../functions/orders/create';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as listBuyer } from '../../functions/orders/list-buyer';
import { handler as listProvider } from '../../functions/orders/list-provider';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as rejectRequirements } from '../../functions/orders/reject-requirements';
import { handler as start } from '../../functions/orders/start';
import { handler as complete } from '../../functions/orders/complete';
import { handler as urge } from '../../functions/orders/urge';
import { handler as confirm } from '../../functions/orders/confirm';
import { handler as rejectCompletion } from '../../functions/orders/reject-completion';
import { handler as cancel } from '../../functions/orders/cancel';
import { handler as appeal } from '../../functions/orders/appeal';
import { handler as resolve } from '../../functions/orders/resolve';
import { keys } from '../../lib/db/keys';
import { newId } from '../../lib/shared/ids';
import { readItem } from '../support/db';
import type { TestUser } from '../support/global-setup';
import { invoke, user } from '../support/http';
import { ANSWERS, listedProduct, orderIn, type OrderStage } from '../support/orders';

type Caller = 'anonymous' | 'buyer' | 'buyer2' | 'provider' | 'provider2' | 'operator';
const CALLERS: Caller[] = ['anonymous', 'buyer', 'buyer2', 'provider', 'provider2', 'operator'];
const as = (c: Caller) => (c === 'anonymous' ? undefined : c);

// Every account is a buyer (spec 2): a buyer's command on an order someone else bought is someone else's
// order, 404 to everyone but its buyer, the seller and operators included.
const buyerAction = { anonymous: 401, buyer: 200, buyer2: 404, provider: 404, provider2: 404, operator: 404 };
const providerAction = { anonymous: 401, buyer: 403, buyer2: 403, provider: 200, provider2: 404, operator: 403 };

const cases: Array<{ route: string; handler: Parameters<typeof invoke>[0]; stage: OrderStage; body?: unknown; expect: Record<Caller, number> }> = [
  { route: 'GET /orders/{id}', handler: getOrder, stage: 'awaiting_start', expect: { anonymous: 401, buyer: 200, buyer2: 404, provider: 200, provider2: 404, operator: 200 } },
  { route: 'PUT /orders/{id}/requirements', handler: requirements, stage: 'awaiting_start', body: { answers: ANSWERS }, expect: buyerAction },
  { route: 'POST /orders/{id}/requirements/reject', handler: rejectRequirements, stage: 'requirements_submitted', body: { reason: 'no' }, expect: providerAction },
  { route: 'POST /orders/{id}/start', handler: start, stage: 'requirements_submitted', expect: providerAction },
  { route: 'POST /orders/{id}/complete', handler: complete, stage: 'implementing', body: { note: 'done' }, expect: providerAction },
  { route: 'POST /orders/{id}/urge', handler: urge, stage: 'awaiting_confirmation', expect: providerAction },
  { route: 'POST /orders/{id}/confirm', handler: confirm, stage: 'awaiting_confirmation', expect: buyerAction },
  { route: 'POST /orders/{id}/reject-completion', handler: rejectCompletion, stage: 'awaiting_confirmation', body: { reason: 'no' }, expect: buyerAction },
  { route: 'POST /orders/{id}/cancel', handler: cancel, stage: 'awaiting_start', body: { reason: 'no' }, expect: buyerAction },
  { route: 'POST /orders/{id}/appeal', handler: appeal, stage: 'appealable', body: { reason: 'stuck' }, expect: { anonymous: 401, buyer: 200, buyer2: 404, provider: 200, provider2: 404, operator: 404 } },
  { route: 'POST /operator/orders/{id}/resolve', handler: resolve, stage: 'disputed', body: { outcome: 'completed', note: 'ok' }, expect: { anonymous: 401, buyer: 403, buyer2: 403, provider: 403, provider2: 403, operator: 200 } },
];

describe('authorization of every order route', () => {
  for (const c of cases) {
    for (const caller of CALLERS) {
      it(`${c.route} answers ${c.expect[caller]} to ${caller}`, async () => {
        const order = await orderIn(c.stage);
        const before = await readItem(keys.order(order.orderId));
        const res = await invoke(c.handler, { as: as(caller), params: { orderId: order.orderId }, body: c.body });
        expect(res.status).toBe(c.expect[caller]);
        if (res.status >= 400) {
          expect(res.headers['content-type']).toBe('application/problem+json');
          expect(await readItem(keys.order(order.orderId))).toEqual(before);
        }
      });
    }
  }

  it('answers someone else’s order exactly like an absent one', async () => {
    const order = await orderIn('awaiting_start');
    for (const [handler, caller, body] of [
      [getOrder, 'buyer2', undefined],
      [cancel, 'buyer2', {}],
      [requirements, 'buyer2', { answers: ANSWERS }],
      [start, 'provider2', undefined],
    ] as const) {
      const foreign = await invoke(handler, { as: caller, params: { orderId: order.orderId }, body });
      const absent = await invoke(handler, { as: caller, params: { orderId: newId() }, body });
      expect(foreign.status).toBe(404);
      expect({ ...foreign.body, instance: undefined }).toEqual({ ...absent.body, instance: undefined });
    }
  });

  for (const caller of CALLERS) {
    // every account buys, but nobody a product of an organisation they belong to
    const want = { anonymous: 401, buyer: 201, buyer2: 201, provider: 403, provider2: 201, operator: 201 }[caller];
    it(`POST /orders answers ${want} to ${caller}`, async () => {
      const product = await listedProduct();
      const res = await invoke(buy, { as: as(caller), body: { productId: product.productId, planId: 'basic' } });
      expect(res.status).toBe(want);
      if (caller === 'provider') expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
      if (want === 201) expect(res.body.buyerId).toBe(user(caller as TestUser).id);
    });
  }

  for (const caller of CALLERS) {
    const buyerWant = { anonymous: 401, buyer: 200, buyer2: 200, provider: 200, provider2: 200, operator: 200 }[caller];
    it(`GET /buyer/orders answers ${buyerWant} to ${caller} and never lists another buyer’s orders`, async () => {
      await orderIn('awaiting_start');
      const res = await invoke(listBuyer, { as: as(caller), query: { limit: '100' } });
      expect(res.status).toBe(buyerWant);
      if (res.status === 200) for (const item of res.body.items) expect(item.buyerId).toBe(user(caller as TestUser).id);
      if (caller === 'buyer') expect(res.body.items.length).toBeGreaterThan(0);
    });

    const providerWant = { anonymous: 401, buyer: 403, buyer2: 403, provider: 200, provider2: 200, operator: 403 }[caller];
    it(`GET /provider/orders answers ${providerWant} to ${caller} and never lists another provider’s orders`, async () => {
      await orderIn('awaiting_start');
      const res = await invoke(listProvider, { as: as(caller), query: { limit: '100' } });
      expect(res.status).toBe(providerWant);
      if (res.status === 200) for (const item of res.body.items) expect(item.providerId).toBe(user(caller as TestUser).id);
    });
  }
});
