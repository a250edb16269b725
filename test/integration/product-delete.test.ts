import { describe, expect, it } from 'vitest';
import { handler as deleteProduct } from '../../functions/products/delete';
import { handler as getOwn } from '../../functions/products/get-own';
import { handler as reviews } from '../../functions/operator/review-queue';
import { keys } from '../../lib/db/keys';
import { readItem, readPartition } from '../support/db';
import { invoke } from '../support/http';
import { must, productIn } from '../support/products';

describe('DELETE /provider/products/{productId}', () => {
  for (const status of ['draft', 'rejected', 'in_review'] as const) {
    it(`deletes a never-listed product (${status}) with 204, and it is gone everywhere`, async () => {
      const product = await productIn(status, 'provider');
      const params = { productId: product.productId };
      const res = await invoke(deleteProduct, { as: 'provider', params });
      expect(res.status).toBe(204);
      expect(res.body).toBeUndefined();
      expect(await readItem(keys.product(product.productId))).toBeUndefined();
      expect((await invoke(getOwn, { as: 'provider', params })).status).toBe(404);
      const queue = must(await invoke(reviews, { as: 'operator', query: { limit: '100' } }), 200);
      expect(queue.items.map((p: any) => p.productId)).not.toContain(product.productId);
      expect((await invoke(deleteProduct, { as: 'provider', params })).status).toBe(404);
    });
  }

  for (const status of ['listed', 'delisted'] as const) {
    it(`answers 409 for a product that was listed (${status}) and keeps it and its history`, async () => {
      const product = await productIn(status, 'provider');
      const before = await readPartition(keys.product(product.productId).PK);
      const res = await invoke(deleteProduct, { as: 'provider', params: { productId: product.productId } });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'PRODUCT_WAS_LISTED', currentStatus: status });
      expect(await readPartition(keys.product(product.productId).PK)).toEqual(before);
    });
  }

  it('answers 404 for someone else’s product and 403 to other roles, deleting nothing', async () => {
    const product = await productIn('draft', 'provider');
    const params = { productId: product.productId };
    expect((await invoke(deleteProduct, { as: 'provider2', params })).status).toBe(404);
    expect((await invoke(deleteProduct, { as: 'operator', params })).status).toBe(403);
    expect((await invoke(deleteProduct, { as: 'buyer', params })).status).toBe(403);
    expect((await invoke(deleteProduct, { params })).status).toBe(401);
    expect(await readItem(keys.product(product.productId))).toBeDefined();
  });
});
