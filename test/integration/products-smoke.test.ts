import { describe, expect, it } from 'vitest';
import { handler as create } from '../../functions/products/create';
import { handler as submit } from '../../functions/products/submit';
import { handler as approve } from '../../functions/operator/approve';
import { handler as catalog } from '../../functions/products/catalog';
import { invoke } from '../support/http';
import { productContent } from '../support/fixtures';

describe('smoke', () => {
  it('creates, submits, approves and lists', async () => {
    const c = await invoke(create, { as: 'provider', body: productContent() });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const id = c.body.productId;
    const s = await invoke(submit, { as: 'provider', params: { productId: id } });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const a = await invoke(approve, { as: 'operator', params: { productId: id }, body: { version: s.body.version } });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const l = await invoke(catalog, {});
    expect(l.body.items.map((p: any) => p.productId)).toContain(id);
  });
});
