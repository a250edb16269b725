import { beforeAll, describe, expect, it } from 'vitest';
import { handler as operatorOrders } from '../../functions/operator/orders';
import { handler as operatorProducts } from '../../functions/operator/products';
import { handler as operatorProduct } from '../../functions/operator/product';
import { handler as approveApplication } from '../../functions/operator/approve-application';
import { handler as approve } from '../../functions/operator/approve';
import { handler as reject } from '../../functions/operator/reject';
import { handler as takedown } from '../../functions/operator/takedown';
import { handler as buy } from '../../functions/orders/create';
import { handler as createProduct } from '../../functions/products/create';
import { handler as submit } from '../../functions/products/submit';
import { handler as edit } from '../../functions/products/edit';
import { handler as getOwn } from '../../functions/products/get-own';
import { handler as getMe } from '../../functions/people/get-me';
import { handler as putMe } from '../../functions/people/put-me';
import { newId } from '../../lib/shared/ids';
import { applied } from '../support/applications';
import { productContent } from '../support/fixtures';
import { invoke } from '../support/http';
import { newPerson } from '../support/people';
import { must } from '../support/products';
import { mintToken } from '../support/tokens';

type Person = Awaited<ReturnType<typeof newPerson>>;

/** A company registered through 入驻: a new person applies, the operator approves; they are its administrator. */
const company = async (name: string) => {
  const admin = await newPerson();
  const a = await applied(admin.as, { companyName: name });
  const { providerId } = must(await invoke(approveApplication, { as: 'operator', params: { applicationId: a.applicationId }, body: { version: a.version } }), 200);
  return { admin, providerId: providerId as string, creditCode: a.creditCode as string, name };
};

/** A product of the company's, listed by the operator. */
const listed = async (c: Awaited<ReturnType<typeof company>>, content: Record<string, unknown> = {}) => {
  const made = must(await invoke(createProduct, { as: c.admin.as, body: productContent(content) }), 201);
  const params = { productId: made.productId as string };
  const submitted = must(await invoke(submit, { as: c.admin.as, params }), 200);
  return must(await invoke(approve, { as: 'operator', params, body: { version: submitted.version } }), 200);
};

const orders = (query: Record<string, string | undefined>) => invoke(operatorOrders, { as: 'operator', query: query as Record<string, string> });
const products = (query: Record<string, string | undefined>) => invoke(operatorProducts, { as: 'operator', query: query as Record<string, string> });

/** Walks a search to its end with a small page; every item in the order served. */
const walk = async (handler: typeof operatorOrders, query: Record<string, string | undefined>, limit = 1) => {
  const items: any[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const res = must(await invoke(handler, { as: 'operator', query: { ...(query as Record<string, string>), limit: String(limit), ...(cursor ? { cursor } : {}) } }), 200);
    items.push(...res.items);
    cursor = res.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return items;
};

describe('operator search by organisation name, credit code and email', () => {
  // a prefix of this run's own, so that other files' organisations never match it
  const prefix = `检索${newId().slice(-8)}`;
  let a: Awaited<ReturnType<typeof company>>;
  let b: Awaited<ReturnType<typeof company>>;
  let buyer: Person;
  let other: Person;
  const bought: Record<string, string[]> = {};
  const made: Record<string, string[]> = {};

  beforeAll(async () => {
    [a, b] = [await company(`${prefix}甲运维有限公司`), await company(`${prefix}乙数据有限公司`)];
    // two new accounts that buy (self registration puts an account in the buyers group)
    const asBuyer = (p: Person) => ({ ...p, as: { token: mintToken({ sub: p.id, 'cognito:groups': ['buyers'] }) } });
    [buyer, other] = [asBuyer(await newPerson()), asBuyer(await newPerson())];
    for (const c of [a, b]) {
      const p = await listed(c);
      made[c.providerId] = [p.productId, (await listed(c, { serviceType: 'saas' })).productId];
      bought[c.providerId] = [];
      for (const who of [buyer, other, buyer]) {
        const o = must(await invoke(buy, { as: who.as, body: { productId: p.productId, planId: 'basic' } }), 201);
        bought[c.providerId].push(o.orderId);
      }
    }
  });

  const ids = (items: any[], key = 'orderId') => items.map((i) => i[key]);
  const newestFirst = (list: string[]) => [...list].sort().reverse();

  it('finds one organisation’s orders and products by its name, its credit code or its administrator’s email', async () => {
    const expected = newestFirst(bought[a.providerId]);
    for (const query of [{ providerName: `${prefix}甲` }, { providerName: a.name }, { creditCode: a.creditCode }, { creditCode: a.creditCode.toLowerCase() }, { providerEmail: a.admin.email }, { providerEmail: a.admin.email.toUpperCase() }]) {
      const found = await walk(operatorOrders, query);
      expect(ids(found), JSON.stringify(query)).toEqual(expected);
      // operators see the organisation's name and the buyer's, as the order stores them
      expect(found.every((o) => o.providerId === a.providerId && o.providerName === a.name), JSON.stringify(query)).toBe(true);
      const items = await walk(operatorProducts as never, query);
      expect(ids(items, 'productId').sort(), JSON.stringify(query)).toEqual([...made[a.providerId]].sort());
    }
  });

  it('merges every organisation a name prefix matches, newest first, a page at a time', async () => {
    const all = newestFirst([...bought[a.providerId], ...bought[b.providerId]]);
    expect(ids(await walk(operatorOrders, { providerName: prefix }))).toEqual(all);
    expect(ids(await walk(operatorOrders, { providerName: prefix }, 4))).toEqual(all);
    // a status is each organisation's status partition
    expect(ids(await walk(operatorOrders, { providerName: prefix, status: 'awaiting_start' }, 2))).toEqual(all);
    expect(await walk(operatorOrders, { providerName: prefix, status: 'completed' })).toEqual([]);
    const listedOnes = await walk(operatorProducts as never, { providerName: prefix, status: 'listed' });
    expect(ids(listedOnes, 'productId').sort()).toEqual([...made[a.providerId], ...made[b.providerId]].sort());
    const saas = await walk(operatorProducts as never, { providerName: prefix, serviceType: 'saas' });
    expect(ids(saas, 'productId').sort()).toEqual([made[a.providerId][1], made[b.providerId][1]].sort());
    expect(await walk(operatorProducts as never, { providerName: prefix, status: 'draft' })).toEqual([]);
  });

  it('finds a buyer’s orders by their email, narrowed by the organisation', async () => {
    const mine = newestFirst([bought[a.providerId][0], bought[a.providerId][2], bought[b.providerId][0], bought[b.providerId][2]]);
    expect(ids(await walk(operatorOrders, { buyerEmail: buyer.email }))).toEqual(mine);
    expect(ids(await walk(operatorOrders, { buyerEmail: buyer.email, providerName: `${prefix}乙` }))).toEqual(
      newestFirst([bought[b.providerId][0], bought[b.providerId][2]]),
    );
    expect(ids(await walk(operatorOrders, { buyerEmail: other.email, creditCode: a.creditCode }))).toEqual([bought[a.providerId][1]]);
    expect(ids(await walk(operatorOrders, { buyerEmail: buyer.email, buyerId: other.id }))).toEqual([]);
    expect(ids(await walk(operatorOrders, { orderId: bought[a.providerId][1], buyerEmail: other.email }))).toEqual([bought[a.providerId][1]]);
    expect(ids(await walk(operatorOrders, { orderId: bought[a.providerId][1], providerName: `${prefix}乙` }))).toEqual([]);
  });

  it('answers an empty page to a name, credit code or email nobody has, and to filters that contradict each other', async () => {
    for (const query of [
      { providerName: `${prefix}丙` },
      { creditCode: '91330100MA2XXXXXXX' },
      { providerEmail: 'nobody@people.example' },
      { buyerEmail: 'nobody@people.example' },
      // a buyer is no member: their email names no organisation
      { providerEmail: buyer.email },
      { providerName: `${prefix}甲`, creditCode: b.creditCode },
      { providerId: a.providerId, providerEmail: b.admin.email },
      { providerId: a.providerId, providerName: `${prefix}乙` },
    ]) {
      expect(must(await orders(query), 200), JSON.stringify(query)).toEqual({ items: [], nextCursor: null });
      if (!('buyerEmail' in query)) expect(must(await products(query), 200), JSON.stringify(query)).toEqual({ items: [], nextCursor: null });
    }
    expect(ids(must(await orders({ providerId: a.providerId, providerName: `${prefix}甲` }), 200).items)).toEqual(newestFirst(bought[a.providerId]));
  });

  it('answers 400 naming providerName when a prefix matches more than five organisations', async () => {
    const many = `多${newId().slice(-8)}`;
    for (let i = 0; i < 6; i++) await company(`${many}科技${i}有限公司`);
    for (const handler of [operatorOrders, operatorProducts]) {
      const res = await invoke(handler, { as: 'operator', query: { providerName: many }, headers: { 'accept-language': 'zh-CN' } });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.path)).toEqual(['providerName']);
      const en = await invoke(handler, { as: 'operator', query: { providerName: many }, headers: { 'accept-language': 'en' } });
      expect(en.body.errors[0].message).toContain('more than 5 organisations');
      expect(res.body.errors[0].message).toContain('超过 5 个');
      // five of them are a page
      expect((await invoke(handler, { as: 'operator', query: { providerName: `${many}科技1` } })).status).toBe(200);
    }
  });

  it('answers 400 naming the field for an email or a credit code that cannot be one, and a cursor of another set', async () => {
    for (const [field, value] of [['providerEmail', 'not-an-email'], ['buyerEmail', 'x@'], ['creditCode', '123']] as const) {
      const res = await orders({ [field]: value });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.path)).toEqual([field]);
    }
    const first = must(await orders({ providerName: prefix, limit: '1' }), 200);
    const res = await orders({ providerName: `${prefix}甲`, cursor: first.nextCursor });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_CURSOR');
  });

  it('refuses the search to anyone but an operator', async () => {
    expect((await invoke(operatorOrders, { as: a.admin.as, query: { providerName: prefix } })).status).toBe(403);
    expect((await invoke(operatorProducts, { as: buyer.as, query: { providerEmail: a.admin.email } })).status).toBe(403);
  });
});

describe('the reviewer in a product’s review history', () => {
  it('is named by the deciding operator’s display name, kept at decision time; without one it is null, never an id to show', async () => {
    const c = await company(`审核${newId().slice(-8)}有限公司`);
    const reviewer = await newPerson();
    const operator = { token: mintToken({ sub: reviewer.id, 'cognito:groups': ['operators'] }) };
    must(await invoke(getMe, { as: operator }), 200);
    must(await invoke(putMe, { as: operator, method: 'PUT', path: '/me', body: { displayName: '王审核', locale: 'zh-CN', emailPreferences: [] } }), 200);
    const nameless = await newPerson();
    const unnamed = { token: mintToken({ sub: nameless.id, 'cognito:groups': ['operators'] }) };

    const made = must(await invoke(createProduct, { as: c.admin.as, body: productContent() }), 201);
    const params = { productId: made.productId as string };
    let v = must(await invoke(submit, { as: c.admin.as, params }), 200).version;
    must(await invoke(reject, { as: operator, params, body: { reason: '资料不全', version: v } }), 200);
    must(await invoke(edit, { as: c.admin.as, params, body: { summary: '补全' } }), 200);
    v = must(await invoke(submit, { as: c.admin.as, params }), 200).version;
    must(await invoke(approve, { as: unnamed, params, body: { version: v } }), 200);
    must(await invoke(takedown, { as: operator, params, body: { reason: '违规' } }), 200);
    // a later change of name does not rewrite the history
    must(await invoke(putMe, { as: operator, method: 'PUT', path: '/me', body: { displayName: '王二', locale: 'zh-CN', emailPreferences: [] } }), 200);

    const own = must(await invoke(getOwn, { as: c.admin.as, params }), 200);
    expect(own.reviewHistory).toMatchObject([
      { decision: 'rejected', reason: '资料不全', operatorName: '王审核', operatorId: reviewer.id },
      { decision: 'approved', operatorName: null, operatorId: nameless.id },
      { decision: 'delisted', reason: '违规', operatorName: '王审核' },
    ]);
    // the operator's read of the product (the review page) names them too; the search's summary rows carry no history
    const read = must(await invoke(operatorProduct, { as: 'operator', params }), 200);
    expect(read.reviewHistory.map((r: any) => r.operatorName)).toEqual(['王审核', null, '王审核']);
    const searched = must(await products({ providerId: c.providerId }), 200).items[0];
    expect(searched).toMatchObject({ productId: made.productId, status: 'delisted' });
    expect(searched).not.toHaveProperty('reviewHistory');
  });
});
