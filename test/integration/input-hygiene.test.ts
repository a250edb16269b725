import { describe, expect, it } from 'vitest';
import { handler as catalog } from '../../functions/products/catalog';
import { handler as page } from '../../functions/products/page';
import { handler as createProduct } from '../../functions/products/create';
import { handler as requirements } from '../../functions/orders/requirements';
import { validateAnswers } from '../../lib/orders/model';
import { productContent } from '../support/fixtures';
import { invoke } from '../support/http';
import { orderIn } from '../support/orders';
import { must, productIn } from '../support/products';

describe('form keys that are also names of built-in object properties', () => {
  const template = ['constructor', 'toString', 'hasOwnProperty', 'valueOf'].map((key) => ({ key, label: key, type: 'text' as const, required: false }));

  it('keeps optional fields named constructor or toString optional', () => {
    expect(validateAnswers(template, {})).toEqual([]);
    expect(validateAnswers(template, { toString: 'fine' })).toEqual([]);
  });

  it('accepts requirements without them through the handler', async () => {
    const order = await orderIn('awaiting_start', { content: { requirementsTemplate: template, requirementsBeforeStart: false } });
    must(await invoke(requirements, { as: 'buyer', params: { orderId: order.orderId }, body: { answers: {} } }), 200);
  });
});

describe('names that show nothing or mislead', () => {
  it.each([
    ['only zero-width characters', '\u200b\u200c\u200d\u2060\ufeff'],
    ['a right-to-left override', 'Nginx \u202e调优'],
    ['a NUL', 'Nginx\u0000调优'],
    ['only a bidi isolate', '\u2066\u2069'],
  ])('refuses a name of %s', async (_what, name) => {
    const res = await invoke(createProduct, { as: 'provider2', body: productContent({ name }) });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.path)).toContain('name');
  });

  it('refuses the same in tags and plan names, and NUL in the description', async () => {
    const tags = await invoke(createProduct, { as: 'provider2', body: productContent({ tags: ['\u200b'] }) });
    expect(tags.body.errors.map((e: any) => e.path)).toContain('tags.0');
    const description = await invoke(createProduct, { as: 'provider2', body: productContent({ description: 'ok\u0000' }) });
    expect(description.body.errors.map((e: any) => e.path)).toContain('description');
  });

  it('keeps ordinary Chinese, emoji and line breaks in the description', async () => {
    must(await invoke(createProduct, { as: 'provider2', body: productContent({ name: '运维 🚀 服务', description: '## 标题\n\n- 一\n- 二\t制表' }) }), 201);
  });
});

describe('the catalogue lists a summary; the product page the whole', () => {
  it('leaves the description and the requirements form out of list items', async () => {
    const listed = await productIn('listed', 'provider2', { serviceType: 'api' });
    const list = must(await invoke(catalog, { query: { serviceType: 'api', limit: '100' } }), 200);
    const item = list.items.find((i: any) => i.productId === listed.productId);
    expect(item).toMatchObject({ productId: listed.productId, name: productContent().name, summary: productContent().summary });
    expect(item.plans).toBeDefined();
    expect(item).not.toHaveProperty('description');
    expect(item).not.toHaveProperty('requirementsTemplate');
    const whole = must(await invoke(page, { params: { productId: listed.productId } }), 200);
    expect(whole.description).toBe(productContent().description);
    expect(whole.requirementsTemplate).toEqual(productContent().requirementsTemplate);
  });
});
