import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as putMe } from '../../functions/people/put-me';
import { handler as buy } from '../../functions/orders/create';
import { handler as start } from '../../functions/orders/start';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as listProvider } from '../../functions/orders/list-provider';
import { handler as exportOrders } from '../../functions/orders/export';
import { handler as catalog } from '../../functions/products/catalog';
import { handler as page } from '../../functions/products/page';
import { handler as reviews } from '../../functions/reviews/list';
import { handler as rate } from '../../functions/reviews/create';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as complete } from '../../functions/orders/complete';
import { handler as confirm } from '../../functions/orders/confirm';
import { TEST_USERS, type TestUser } from '../support/global-setup';
import { invoke, user } from '../support/http';
import { ANSWERS, listedProduct } from '../support/orders';
import { must } from '../support/products';

const me = (as: TestUser, displayName: string, phone?: string) =>
  invoke(putMe, { as, method: 'PUT', path: '/me', body: { displayName, ...(phone ? { phone } : {}), locale: 'zh-CN', emailPreferences: [] } });

/** Every string anywhere in an answer. */
const stringsOf = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(stringsOf) : v && typeof v === 'object' ? Object.values(v).flatMap(stringsOf) : [];
const userIds = () => (Object.keys(TEST_USERS) as TestUser[]).map((u) => user(u).id);

describe('names, not ids (spec 2.1, 7.1)', () => {
  let orderId: string;
  let productId: string;
  beforeAll(async () => {
    must(await me('buyer', '张三丰', '13812345678'), 200);
    must(await me('provider', '李四'), 200);
    productId = (await listedProduct('provider')).productId;
    const order = must(await invoke(buy, { as: 'buyer', body: { productId, planId: 'basic', quantity: 1 } }), 201);
    orderId = order.orderId;
    must(await invoke(requirements, { as: 'buyer', params: { orderId }, body: { answers: ANSWERS } }), 200);
    must(await invoke(start, { as: 'provider', params: { orderId } }), 200);
  });

  it('the buyer sees the organisation’s name, never a member’s name or a provider-side user id', async () => {
    const o = must(await invoke(getOrder, { as: 'buyer', params: { orderId } }), 200);
    expect(o.providerName).toBe(TEST_USERS.provider.email);
    const started = o.timeline.find((e: { action: string }) => e.action === 'start');
    expect(started).toMatchObject({ actorName: TEST_USERS.provider.email, actor: o.providerId });
    expect(started.memberRole).toBeUndefined();
    expect(JSON.stringify(o)).not.toContain('李四');
    expect(o.buyer).toMatchObject({ displayName: '张三丰', phone: '13812345678' });
  });

  it('the provider sees the buyer’s name and masked phone and its members’ names and roles; the operator the full contact', async () => {
    const p = must(await invoke(getOrder, { as: 'provider', params: { orderId } }), 200);
    expect(p.buyer).toEqual({ displayName: '张三丰', phone: '138****5678' });
    expect(p.timeline.find((e: { action: string }) => e.action === 'start')).toMatchObject({ actorName: '李四', memberRole: 'admin' });
    expect(p.timeline[0]).toMatchObject({ action: 'create', actorName: '张三丰' });
    const list = must(await invoke(listProvider, { as: 'provider', query: {} }), 200);
    expect(list.items.find((i: { orderId: string }) => i.orderId === orderId).buyer).toEqual({ displayName: '张三丰', phone: '138****5678' });
    const op = must(await invoke(getOrder, { as: 'operator', params: { orderId } }), 200);
    expect(op.buyer).toEqual({ displayName: '张三丰', phone: '13812345678', email: TEST_USERS.buyer.email });
  });

  it('the export’s 买家 column is the buyer’s display name', async () => {
    const res = await invoke(exportOrders, { as: 'provider', query: {} });
    expect(res.status).toBe(200);
    const rows = parse(res.body, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows.find((r) => r['订单号'] === orderId)?.['买家']).toBe('张三丰');
  });

  it('the catalogue, the product page and ratings carry names and no user id', async () => {
    must(await invoke(complete, { as: 'provider', params: { orderId }, body: { note: 'done' } }), 200);
    must(await invoke(confirm, { as: 'buyer', params: { orderId } }), 200);
    must(await invoke(rate, { as: 'buyer', params: { orderId }, body: { rating: 5, comment: '好' } }), 201);
    const product = must(await invoke(page, { params: { productId } }), 200);
    expect(product.providerName).toBe(TEST_USERS.provider.email);
    const list = must(await invoke(catalog, { query: {} }), 200);
    const ratings = must(await invoke(reviews, { params: { productId }, query: {} }), 200);
    expect(ratings.items[0].buyerName).toBe('张**');
    const ids = userIds();
    for (const answer of [product, list, ratings]) expect(stringsOf(answer).filter((s) => ids.some((id) => s.includes(id)))).toEqual([]);
  });
});
