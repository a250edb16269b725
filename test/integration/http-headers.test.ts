import { describe, expect, it } from 'vitest';
import { handler as getDocument } from '../../functions/docs/openapi';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as exportOrders } from '../../functions/orders/export';
import { handler as inbox } from '../../functions/notifications/list';
import { handler as putWebhook } from '../../functions/webhooks/put';
import { handler as catalog } from '../../functions/products/catalog';
import { invoke } from '../support/http';
import { orderIn } from '../support/orders';

describe('the API’s caching and content-type headers', () => {
  it('never lets a cache keep a private answer: orders, the export, the inbox, the webhook secret, a refusal', async () => {
    const order = await orderIn('awaiting_start');
    const answers = {
      order: await invoke(getOrder, { as: 'buyer', params: { orderId: order.orderId } }),
      export: await invoke(exportOrders, { as: 'provider', query: {} }),
      inbox: await invoke(inbox, { as: 'buyer' }),
      secret: await invoke(putWebhook, { as: 'provider2', body: { url: 'https://93.184.216.34/hooks' } }),
      refused: await invoke(getOrder, { as: 'buyer2', params: { orderId: order.orderId } }),
      unauthenticated: await invoke(getOrder, { params: { orderId: order.orderId } }),
    };
    expect(Object.values(answers).map((a) => a.status)).toEqual([200, 200, 200, 200, 404, 401]);
    expect(answers.secret.body.secret).toMatch(/^whsec_/);
    for (const [name, a] of Object.entries(answers)) {
      expect(a.headers['cache-control'], name).toBe('no-store');
      expect(a.headers['x-content-type-options'], name).toBe('nosniff');
    }
  });

  it('leaves the public catalogue’s caching as it is', async () => {
    const res = await invoke(catalog, { query: {} });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).not.toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves /openapi.json without the request’s Host: the same cacheable bytes for every host', async () => {
    const forged = await invoke(getDocument, { path: '/openapi.json', headers: { host: 'attacker.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'attacker.example' } });
    const plain = await invoke(getDocument, { path: '/openapi.json', headers: { host: 'abc.execute-api.eu-west-1.amazonaws.com' } });
    expect(forged.status).toBe(200);
    expect(JSON.stringify(forged.body)).not.toContain('attacker.example');
    expect(forged.body).toEqual(plain.body);
    expect(forged.body.servers[0].url).toBe('/');
    expect(forged.headers['cache-control']).toMatch(/^public/);
  });
});
