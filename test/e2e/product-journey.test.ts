import { describe, expect, inject, it } from 'vitest';
import { api, ok } from '../support/api';
import { productContent } from '../support/fixtures';

const inCatalog = async (productId: string) => {
  const page = ok(await api('GET', '/products?limit=100&serviceType=saas'));
  return page.items.find((i: { productId: string }) => i.productId === productId);
};

describe.skipIf(!inject('stack').apiUrl)('product journey over HTTP (serverless-offline)', () => {
  it('create → submit → approve → edit → submit → approve → delist → edit → submit → approve', async () => {
    const created = ok(await api('POST', '/provider/products', { as: 'provider', body: productContent({ serviceType: 'saas', name: '云监控 SaaS' }) }), 201);
    const id = created.productId;
    ok(await api('POST', `/provider/products/${id}/submit`, { as: 'provider' }));
    const queue = ok(await api('GET', '/operator/reviews?limit=100', { as: 'operator' }));
    const queued = queue.items.find((i: { productId: string }) => i.productId === id);
    ok(await api('POST', `/operator/products/${id}/approve`, { as: 'operator', body: { version: queued.version } }));
    expect((await inCatalog(id))?.name).toBe('云监控 SaaS');

    ok(await api('PATCH', `/provider/products/${id}`, { as: 'provider', body: { name: '云监控 SaaS 专业版' } }));
    expect((await inCatalog(id))?.name).toBe('云监控 SaaS');
    const resubmitted = ok(await api('POST', `/provider/products/${id}/submit`, { as: 'provider' }));
    ok(await api('POST', `/operator/products/${id}/approve`, { as: 'operator', body: { version: resubmitted.version } }));
    expect((await inCatalog(id))?.name).toBe('云监控 SaaS 专业版');

    ok(await api('POST', `/provider/products/${id}/delist`, { as: 'provider' }));
    expect(await inCatalog(id)).toBeUndefined();
    expect((await api('GET', `/products/${id}`)).status).toBe(404);

    ok(await api('PATCH', `/provider/products/${id}`, { as: 'provider', body: { summary: '重新上架' } }));
    const relist = ok(await api('POST', `/provider/products/${id}/submit`, { as: 'provider' }));
    ok(await api('POST', `/operator/products/${id}/approve`, { as: 'operator', body: { version: relist.version } }));
    expect((await inCatalog(id))?.summary).toBe('重新上架');

    const mine = ok(await api('GET', `/provider/products/${id}`, { as: 'provider' }));
    expect(mine.reviewHistory.map((r: { decision: string }) => r.decision)).toEqual(['approved', 'approved', 'approved']);
  });

  it('answers problem+json over HTTP for a missing token and a bad body', async () => {
    const anon = await api('POST', '/provider/products', { body: productContent() });
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
    const bad = await api('POST', '/provider/products', { as: 'provider', body: { name: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.length).toBeGreaterThan(3);
  });
});
