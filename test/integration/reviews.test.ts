import { describe, expect, it } from 'vitest';
import { handler as rate } from '../../functions/reviews/create';
import { handler as edit } from '../../functions/reviews/edit';
import { handler as reply } from '../../functions/reviews/reply';
import { handler as list } from '../../functions/reviews/list';
import { handler as page } from '../../functions/products/page';
import { handler as catalog } from '../../functions/products/catalog';
import { handler as getOrder } from '../../functions/orders/get';
import { keys } from '../../lib/db/keys';
import { createReview, editReview } from '../../lib/reviews/repository';
import { countRoundTrips, readItem } from '../support/db';
import { invoke, user } from '../support/http';
import { orderIn } from '../support/orders';
import { must } from '../support/products';

/** Completed orders of one product of its own (a content variant makes listedProduct list a new one). */
const completedOrders = async (n: number, tag: string) => {
  const content = { summary: `ratings ${tag}` };
  const orders = [];
  for (let i = 0; i < n; i++) orders.push(await orderIn('completed', { content }));
  return orders;
};
const rateAs = (orderId: string, body: unknown, as: 'buyer' | 'buyer2' | 'provider' = 'buyer') =>
  invoke(rate, { as, params: { orderId }, body });

describe('ratings (评价)', () => {
  it('lets the buyer rate a completed order once and shows the average and count on the product page and in the catalogue', async () => {
    const [a, b] = await completedOrders(2, 'page');
    const first = await rateAs(a.orderId, { rating: 5, comment: '响应很快，交付规范' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ orderId: a.orderId, rating: 5, comment: '响应很快，交付规范', reply: null });
    must(await rateAs(b.orderId, { rating: 4 }), 201);
    const again = await rateAs(a.orderId, { rating: 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_REVIEWED');

    const product = must(await invoke(page, { params: { productId: a.productId } }), 200);
    expect(product.rating).toEqual({ average: 4.5, count: 2 });
    const listed = must(await invoke(catalog, { query: { limit: '100' } }), 200);
    expect(listed.items.find((p: any) => p.productId === a.productId).rating).toEqual({ average: 4.5, count: 2 });
    const order = must(await invoke(getOrder, { as: 'buyer', params: { orderId: a.orderId } }), 200);
    expect(order.review).toMatchObject({ rating: 5 });
  });

  it('refuses an order that is not completed (409), someone else’s, the seller’s included (404), writing nothing', async () => {
    const implementing = await orderIn('implementing');
    const [completed] = await completedOrders(1, 'refusals');
    const product = await readItem(keys.product(completed.productId));
    expect((await rateAs(implementing.orderId, { rating: 5 })).status).toBe(409);
    expect((await rateAs(completed.orderId, { rating: 5 }, 'buyer2')).status).toBe(404);
    // every account is a buyer: the seller rating an order someone else bought is someone else's order
    expect((await rateAs(completed.orderId, { rating: 5 }, 'provider')).status).toBe(404);
    for (const body of [{ rating: 0 }, { rating: 6 }, { rating: 4.5 }, { rating: 5, comment: 'x'.repeat(501) }, {}]) {
      expect((await rateAs(completed.orderId, body)).status, JSON.stringify(body)).toBe(400);
    }
    // a comment anyone reads on the product page: nothing that only shows blank, or reorders what is shown
    for (const comment of ['\u200b\u200d\u2060', '好评\u202e！差', 'ok\u0007', 'bad\ud800']) {
      const res = await rateAs(completed.orderId, { rating: 5, comment });
      expect(res.status, JSON.stringify(comment)).toBe(400);
      expect(res.body.errors.map((e: any) => e.path)).toEqual(['comment']);
    }
    expect(await readItem(keys.review(completed.orderId))).toBeUndefined();
    expect(await readItem(keys.product(completed.productId))).toEqual(product);
  });

  it('gives exactly one rating from 20 concurrent attempts on one order', async () => {
    const [order] = await completedOrders(1, 'race-one');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => rateAs(order.orderId, { rating: (i % 5) + 1 })));
    const won = answers.filter((a) => a.status === 201);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.status === 409)).toBe(true);
    const product = await readItem(keys.product(order.productId));
    expect([product!.ratingCount, product!.ratingSum]).toEqual([1, won[0].body.rating]);
  });

  it('keeps the aggregate equal to the ratings after concurrent ratings of many orders', async () => {
    const orders = await completedOrders(8, 'race-many');
    const answers = await Promise.all(orders.map((o, i) => rateAs(o.orderId, { rating: (i % 5) + 1 })));
    const stored = must(await invoke(list, { params: { productId: orders[0].productId }, query: { limit: '100' } }), 200);
    const product = await readItem(keys.product(orders[0].productId));
    expect(product!.ratingCount).toBe(stored.items.length);
    expect(product!.ratingSum).toBe(stored.items.reduce((sum: number, r: any) => sum + r.rating, 0));
    expect(stored.items.length).toBe(answers.filter((a) => a.status === 201).length);
    expect(stored.rating.count).toBe(stored.items.length);
  });

  it('lists a product’s ratings newest first, page by page', async () => {
    const orders = await completedOrders(3, 'pages');
    for (const [i, o] of orders.entries()) must(await rateAs(o.orderId, { rating: 3 + (i % 3), comment: `第 ${i + 1} 条` }), 201);
    const first = must(await invoke(list, { params: { productId: orders[0].productId }, query: { limit: '2' } }), 200);
    expect(first.items.map((r: any) => r.comment)).toEqual(['第 3 条', '第 2 条']);
    const second = must(await invoke(list, { params: { productId: orders[0].productId }, query: { limit: '2', cursor: first.nextCursor } }), 200);
    expect(second.items.map((r: any) => r.comment)).toEqual(['第 1 条']);
    const foreign = await invoke(list, { params: { productId: orders[0].productId }, query: { cursor: Buffer.from('{"PK":"X"}').toString('base64url') } });
    expect(foreign.status).toBe(400);
    const { roundTrips } = await countRoundTrips(() => invoke(list, { params: { productId: orders[0].productId } }));
    expect(roundTrips).toBe(2);
  });

  it('answers 404 for the ratings of a product that is not listed', async () => {
    const order = await orderIn('implementing');
    expect((await invoke(list, { params: { productId: order.orderId } })).status).toBe(404);
  });

  it('lets the order’s provider reply once', async () => {
    const [order] = await completedOrders(1, 'reply');
    must(await rateAs(order.orderId, { rating: 2, comment: '交付延迟' }), 201);
    expect((await invoke(reply, { as: 'provider2', params: { orderId: order.orderId }, body: { text: '抱歉' } })).status).toBe(404);
    expect((await invoke(reply, { as: 'buyer', params: { orderId: order.orderId }, body: { text: '抱歉' } })).status).toBe(403);
    for (const text of ['\u200b', '\ufeff\u200c', 'x\u2066y']) {
      const refused = await invoke(reply, { as: 'provider', params: { orderId: order.orderId }, body: { text } });
      expect(refused.status, JSON.stringify(text)).toBe(400);
      expect(refused.body.errors.map((e: any) => e.path)).toEqual(['text']);
    }
    const res = await invoke(reply, { as: 'provider', params: { orderId: order.orderId }, body: { text: '抱歉，已优化排期' } });
    expect(res.status).toBe(200);
    expect(res.body.reply).toMatchObject({ text: '抱歉，已优化排期', at: expect.any(String) });
    const again = await invoke(reply, { as: 'provider', params: { orderId: order.orderId }, body: { text: '再次回复' } });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_REPLIED']);
    const unrated = await orderIn('completed');
    expect((await invoke(reply, { as: 'provider', params: { orderId: unrated.orderId }, body: { text: 'x' } })).status).toBe(404);
  });

  it('lets the author edit within 7 days, moving the aggregate by the difference, and not after', async () => {
    const [order] = await completedOrders(1, 'edit');
    must(await rateAs(order.orderId, { rating: 2, comment: '一般' }), 201);
    const edited = await invoke(edit, { as: 'buyer', params: { orderId: order.orderId }, body: { rating: 5, comment: '问题已解决' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ rating: 5, comment: '问题已解决' });
    expect((await invoke(edit, { as: 'buyer2', params: { orderId: order.orderId }, body: { rating: 1 } })).status).toBe(404);
    const product = await readItem(keys.product(order.productId));
    expect([product!.ratingCount, product!.ratingSum]).toEqual([1, 5]);
    const buyer = { id: user('buyer').id, roles: ['buyer' as const] };
    await expect(editReview(buyer, order.orderId, { rating: 1 }, new Date(Date.now() + 8 * 24 * 60 * 60 * 1000))).rejects.toMatchObject({
      code: 'EDIT_WINDOW_CLOSED',
    });
  });

  it('shows anyone a product’s ratings without a user id or an order id, in the items or in the cursor', async () => {
    const orders = await completedOrders(5, 'public');
    const buyer = { id: user('buyer').id, roles: ['buyer' as const] };
    // three ratings in the same millisecond: pages must tell them apart without naming their orders
    const tied = new Date();
    for (const [i, o] of orders.entries()) await createReview(buyer, o.orderId, { rating: 4, comment: `公开 ${i}` }, i < 3 ? tied : new Date(tied.getTime() + i));
    must(await invoke(reply, { as: 'provider', params: { orderId: orders[0].orderId }, body: { text: '谢谢' } }), 200);
    const secrets = [user('buyer').id, ...orders.map((o) => o.orderId)];
    for (const limit of ['1', '2', '100']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = must(await invoke(list, { params: { productId: orders[0].productId }, query: { limit, ...(cursor ? { cursor } : {}) } }), 200);
        const text = JSON.stringify(res) + (res.nextCursor ? Buffer.from(res.nextCursor, 'base64url').toString('utf8') : '');
        for (const secret of secrets) expect(text, limit).not.toContain(secret);
        for (const item of res.items) expect(Object.keys(item).sort()).toEqual(['buyerName', 'comment', 'createdAt', 'editableUntil', 'planName', 'productId', 'rating', 'reply', 'updatedAt']);
        seen.push(...res.items.map((r: any) => r.comment));
        cursor = res.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.slice(0, 2), limit).toEqual(['公开 4', '公开 3']);
      expect([...seen.slice(2)].sort(), limit).toEqual(['公开 0', '公开 1', '公开 2']);
    }
    // the parties still read the rating with its ids on the order
    const order = must(await invoke(getOrder, { as: 'buyer', params: { orderId: orders[0].orderId } }), 200);
    expect(order.review).toMatchObject({ orderId: orders[0].orderId, buyerId: user('buyer').id, reply: { text: '谢谢' } });
  });
});
