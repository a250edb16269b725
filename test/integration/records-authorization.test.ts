import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handler as message } from '../../functions/orders/message';
import { handler as grantHandler } from '../../functions/attachments/grant';
import { handler as download } from '../../functions/attachments/download';
import { handler as rate } from '../../functions/reviews/create';
import { handler as edit } from '../../functions/reviews/edit';
import { handler as reply } from '../../functions/reviews/reply';
import { handler as list } from '../../functions/reviews/list';
import { keys } from '../../lib/db/keys';
import { uploaded } from '../support/attachments';
import { readItem } from '../support/db';
import type { TestUser } from '../support/global-setup';
import { invoke } from '../support/http';
import { orderIn, type OrderStage } from '../support/orders';
import { must } from '../support/products';

type Caller = 'anonymous' | 'buyer' | 'buyer2' | 'provider' | 'provider2' | 'operator';
const CALLERS: Caller[] = ['anonymous', 'buyer', 'buyer2', 'provider', 'provider2', 'operator'];
const as = (c: Caller) => (c === 'anonymous' ? undefined : c);
type Handler = Parameters<typeof invoke>[0];

/** A fresh order in a stage, with whatever the route needs: an uploaded attachment, a rating. */
const prepare = async (stage: OrderStage, needs?: 'attachment' | 'rating') => {
  const order = await orderIn(stage);
  const params: Record<string, string> = { orderId: order.orderId };
  if (needs === 'attachment') params.attachmentId = (await uploaded('buyer', order.orderId)).attachmentId;
  if (needs === 'rating') must(await invoke(rate, { as: 'buyer', params, body: { rating: 4 } }), 201);
  return { order, params };
};

const cases: Array<{ route: string; handler: Handler; stage: OrderStage; needs?: 'attachment' | 'rating'; body?: unknown; expect: Record<Caller, number> }> = [
  {
    route: 'POST /orders/{id}/messages',
    handler: message,
    stage: 'implementing',
    body: { text: 'hello' },
    expect: { anonymous: 401, buyer: 200, buyer2: 404, provider: 200, provider2: 404, operator: 409 },
  },
  {
    route: 'POST /orders/{id}/messages (disputed)',
    handler: message,
    stage: 'disputed',
    body: { text: 'hello' },
    expect: { anonymous: 401, buyer: 200, buyer2: 404, provider: 200, provider2: 404, operator: 200 },
  },
  {
    route: 'POST /orders/{id}/attachments',
    handler: grantHandler,
    stage: 'implementing',
    body: { fileName: 'a.pdf', contentType: 'application/pdf', size: 10 },
    expect: { anonymous: 401, buyer: 201, buyer2: 404, provider: 201, provider2: 404, operator: 409 },
  },
  {
    route: 'GET /orders/{id}/attachments/{attachmentId}',
    handler: download,
    stage: 'implementing',
    needs: 'attachment',
    expect: { anonymous: 401, buyer: 302, buyer2: 404, provider: 302, provider2: 404, operator: 302 },
  },
  {
    route: 'POST /orders/{id}/review',
    handler: rate,
    stage: 'completed',
    body: { rating: 5 },
    // every account is a buyer: rating someone else's purchase is someone else's order (404)
    expect: { anonymous: 401, buyer: 201, buyer2: 404, provider: 404, provider2: 404, operator: 404 },
  },
  {
    route: 'PATCH /orders/{id}/review',
    handler: edit,
    stage: 'completed',
    needs: 'rating',
    body: { rating: 5 },
    expect: { anonymous: 401, buyer: 200, buyer2: 404, provider: 404, provider2: 404, operator: 404 },
  },
  {
    route: 'POST /orders/{id}/review/reply',
    handler: reply,
    stage: 'completed',
    needs: 'rating',
    body: { text: '谢谢' },
    expect: { anonymous: 401, buyer: 403, buyer2: 403, provider: 200, provider2: 404, operator: 403 },
  },
];

describe('authorization of the conversation, attachment and rating routes', () => {
  for (const c of cases) {
    for (const caller of CALLERS) {
      it(`${c.route} answers ${c.expect[caller]} to ${caller}`, async () => {
        const { order, params } = await prepare(c.stage, c.needs);
        const before = await readItem(keys.order(order.orderId));
        const res = await invoke(c.handler, { as: as(caller), params, body: c.body });
        expect(res.status).toBe(c.expect[caller]);
        if (res.status >= 400) {
          expect(res.headers['content-type']).toBe('application/problem+json');
          expect(await readItem(keys.order(order.orderId))).toEqual(before);
        }
      });
    }
  }

  it('GET /products/{id}/reviews answers 200 to anyone, signed in or not', async () => {
    const { order } = await prepare('completed', 'rating');
    for (const caller of CALLERS) {
      const res = await invoke(list, { as: as(caller), params: { productId: order.productId } });
      expect(res.status, caller).toBe(200);
    }
  });
});

const json = fc.jsonValue({ maxDepth: 3 });
const mutated = (valid: Record<string, unknown>) =>
  fc
    .tuple(
      fc.subarray(Object.keys(valid)),
      fc.dictionary(fc.constantFrom(...Object.keys(valid), 'status', '__proto__', 'attachments'), json, { maxKeys: 4 }),
    )
    .map(([keep, replace]) => ({ ...Object.fromEntries(keep.map((k) => [k, valid[k]])), ...replace }));
const bodies = (valid: Record<string, unknown>) => fc.oneof(json, mutated(valid));

const neverFails = (handler: Handler, who: TestUser, body: fc.Arbitrary<unknown>, params: Record<string, string>, numRuns = 40) =>
  fc.assert(
    fc.asyncProperty(body, async (b) => {
      const res = await invoke(handler, { as: who, body: b, params });
      expect(res.status, JSON.stringify(b)).toBeLessThan(500);
      if (res.status >= 400) expect(res.headers['content-type']).toBe('application/problem+json');
    }),
    { numRuns },
  );

describe('anything a client sends to these routes answers 2xx or a problem+json 4xx, never 500', () => {
  it('messages and upload grants', async () => {
    const order = await orderIn('implementing', { buyer: 'buyer2', provider: 'provider2' });
    const params = { orderId: order.orderId };
    const attachment = await uploaded('buyer2', order.orderId);
    await neverFails(message, 'buyer2', bodies({ text: '你好', attachments: [attachment.attachmentId] }), params);
    await neverFails(grantHandler, 'buyer2', bodies({ fileName: 'a.pdf', contentType: 'application/pdf', size: 10 }), params, 30);
  });

  it('ratings, edits and replies', async () => {
    const order = await orderIn('completed', { buyer: 'buyer2', provider: 'provider2' });
    const params = { orderId: order.orderId };
    await neverFails(rate, 'buyer2', bodies({ rating: 4, comment: '好' }), params);
    await neverFails(edit, 'buyer2', bodies({ rating: 3, comment: '一般' }), params);
    await neverFails(reply, 'provider2', bodies({ text: '谢谢' }), params);
  });

  it('the reviews list query', async () => {
    const order = await orderIn('completed', { buyer: 'buyer2', provider: 'provider2' });
    const queries = fc.dictionary(
      fc.constantFrom('limit', 'cursor', 'x'),
      fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('0', '1', '100', '101', '-1', 'eyJQSyI6IlgifQ')),
    );
    await fc.assert(
      fc.asyncProperty(queries, async (query) => {
        const res = await invoke(list, { query, params: { productId: order.productId } });
        expect(res.status, JSON.stringify(query)).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});
