import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as operatorOrders } from '../../functions/operator/orders';
import { handler as operatorProducts } from '../../functions/operator/products';
import { handler as takedown } from '../../functions/operator/takedown';
import { handler as deleteProduct } from '../../functions/products/delete';
import { handler as exportOrders } from '../../functions/orders/export';
import { handler as dashboard } from '../../functions/dashboard/get';
import { handler as readAll } from '../../functions/notifications/read-all';
import { handler as putWebhook } from '../../functions/webhooks/put';
import { handler as deleteWebhook } from '../../functions/webhooks/delete';
import { handler as testWebhook } from '../../functions/webhooks/test';
import { handler as redeliver } from '../../functions/webhooks/redeliver';
import { keys } from '../../lib/db/keys';
import { readItem } from '../support/db';
import type { TestUser } from '../support/global-setup';
import { invoke } from '../support/http';
import { productIn } from '../support/products';
import { startReceiver } from '../support/receiver';

type Caller = 'anonymous' | 'buyer' | 'provider' | 'provider2' | 'operator';
const CALLERS: Caller[] = ['anonymous', 'buyer', 'provider', 'provider2', 'operator'];
const as = (c: Caller) => (c === 'anonymous' ? undefined : c);

interface RouteCase {
  route: string;
  handler: Parameters<typeof invoke>[0];
  /** Makes what the call acts on, owned by `provider`; returns its path parameters. */
  setup?: () => Promise<Record<string, string>>;
  body?: unknown;
  /** The item a refused call must leave exactly as it was. */
  item?: (params: Record<string, string>) => { PK: string; SK: string };
  expect: Record<Caller, number>;
}

const operatorOnly = { anonymous: 401, buyer: 403, provider: 403, provider2: 403, operator: 200 };
const providers = { anonymous: 401, buyer: 403, provider: 200, provider2: 200, operator: 403 };
const anyone = { anonymous: 401, buyer: 200, provider: 200, provider2: 200, operator: 200 };
const product = (status: 'draft' | 'listed') => async () => ({ productId: (await productIn(status, 'provider')).productId as string });

const cases: RouteCase[] = [
  { route: 'GET /operator/orders', handler: operatorOrders, expect: operatorOnly },
  { route: 'GET /operator/products', handler: operatorProducts, expect: operatorOnly },
  {
    route: 'POST /operator/products/{id}/delist',
    handler: takedown,
    setup: product('listed'),
    body: { reason: '违规' },
    item: (p) => keys.product(p.productId),
    expect: operatorOnly,
  },
  {
    route: 'DELETE /provider/products/{id}',
    handler: deleteProduct,
    setup: product('draft'),
    item: (p) => keys.product(p.productId),
    expect: { anonymous: 401, buyer: 403, provider: 204, provider2: 404, operator: 403 },
  },
  { route: 'GET /provider/orders/export', handler: exportOrders, expect: providers },
  { route: 'GET /provider/dashboard', handler: dashboard, expect: providers },
  { route: 'POST /notifications/read-all', handler: readAll, expect: anyone },
  // no endpoint registered for provider2: the webhook routes answer 404 to a provider without one
  { route: 'POST /provider/webhook/test', handler: testWebhook, expect: { anonymous: 401, buyer: 403, provider: 200, provider2: 404, operator: 403 } },
  {
    route: 'POST /provider/webhook/deliveries/{id}/redeliver',
    handler: redeliver,
    setup: async () => {
      const ping = await invoke(testWebhook, { as: 'provider' });
      return { deliveryId: ping.body.deliveryId };
    },
    item: (p) => keys.delivery(p.deliveryId),
    // the ping succeeded, so its own provider gets 409; anyone else's never learns it exists
    expect: { anonymous: 401, buyer: 403, provider: 409, provider2: 404, operator: 403 },
  },
  { route: 'DELETE /provider/webhook', handler: deleteWebhook, expect: { anonymous: 401, buyer: 403, provider: 204, provider2: 404, operator: 403 } },
];

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  // provider has an endpoint that answers; provider2 has none
  await invoke(putWebhook, { as: 'provider', body: { url: receiver.url } });
  await invoke(deleteWebhook, { as: 'provider2' });
});

describe('authorization of the operator, export, dashboard, inbox and webhook-control routes', () => {
  for (const c of cases) {
    for (const caller of CALLERS) {
      it(`${c.route} answers ${c.expect[caller]} to ${caller}`, async () => {
        const params = c.setup ? await c.setup() : undefined;
        const before = c.item && params ? await readItem(c.item(params)) : undefined;
        const res = await invoke(c.handler, { as: as(caller), params, body: c.body });
        expect(res.status, JSON.stringify(res.body)).toBe(c.expect[caller]);
        if (res.status >= 400) {
          expect(res.headers['content-type']).toBe('application/problem+json');
          if (c.item && params) expect(await readItem(c.item(params))).toEqual(before);
        }
      });
    }
  }
});
