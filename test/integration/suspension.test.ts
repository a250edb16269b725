import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as buy } from '../../functions/orders/create';
import { handler as startOrder } from '../../functions/orders/start';
import { handler as approve } from '../../functions/operator/approve';
import { handler as providers } from '../../functions/operator/providers';
import { handler as reinstate } from '../../functions/operator/reinstate-provider';
import { handler as suspend } from '../../functions/operator/suspend-provider';
import { handler as listNotifications } from '../../functions/notifications/list';
import { handler as create } from '../../functions/products/create';
import { handler as delist } from '../../functions/products/delist';
import { handler as page } from '../../functions/products/page';
import { handler as productReviews } from '../../functions/reviews/list';
import { handler as submit } from '../../functions/products/submit';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { eventOfTimelineEntry } from '../../lib/events/from-timeline';
import { notifyInboxes } from '../../lib/notifications/fanout';
import { membershipItem, organisationItem } from '../../lib/providers/items';
import { readItem, readPartition } from '../support/db';
import { productContent } from '../support/fixtures';
import { invoke } from '../support/http';
import { must } from '../support/products';
import { mintToken } from '../support/tokens';

/** A provider organisation of its own (so suspending it disturbs no other test), with its administrator. */
const organisation = async (name: string) => {
  const providerId = randomUUID();
  const at = new Date().toISOString();
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: organisationItem.item({ providerId, name, status: 'active', admins: 1, createdAt: at, updatedAt: at }),
    }),
  );
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: membershipItem.item({ userId: providerId, providerId, role: 'admin', organisationName: name, displayName: '管理员', email: `${providerId}@test.example`, joinedAt: at }),
    }),
  );
  return { providerId, as: { token: mintToken({ sub: providerId, 'cognito:groups': ['providers'] }) } };
};

type Org = Awaited<ReturnType<typeof organisation>>;

const productOf = async (org: Org, status: 'draft' | 'in_review' | 'listed' | 'delisted', over: Record<string, unknown> = {}) => {
  const product = must(await invoke(create, { as: org.as, body: productContent({ requirementsBeforeStart: false, ...over }) }), 201);
  const params = { productId: product.productId as string };
  if (status === 'draft') return product;
  const submitted = must(await invoke(submit, { as: org.as, params }), 200);
  if (status === 'in_review') return submitted;
  const listed = must(await invoke(approve, { as: 'operator', params, body: { version: submitted.version } }), 200);
  if (status === 'listed') return listed;
  return must(await invoke(delist, { as: org.as, params }), 200);
};

/** The catalogue keys a product is stored with (absent: not in the catalogue). */
const catalogueKeys = async (productId: string) => {
  const item = (await readItem(keys.product(productId)))!;
  return { GSI2PK: item.GSI2PK, GSI2SK: item.GSI2SK, GSI3PK: item.GSI3PK, GSI3SK: item.GSI3SK };
};

describe('suspension (暂停 / 恢复)', () => {
  let org: Org;
  let listedA: any;
  let listedB: any;
  let inReview: any;
  let draft: any;
  let delisted: any;
  let before: Record<string, Awaited<ReturnType<typeof catalogueKeys>>>;
  let order: any;

  beforeAll(async () => {
    org = await organisation(`暂停测试 ${randomUUID().slice(0, 8)}`);
    listedA = await productOf(org, 'listed');
    listedB = await productOf(org, 'listed', { serviceType: 'saas', name: 'SaaS 工单' });
    inReview = await productOf(org, 'in_review');
    draft = await productOf(org, 'draft');
    delisted = await productOf(org, 'delisted');
    before = { a: await catalogueKeys(listedA.productId), b: await catalogueKeys(listedB.productId) };
    order = must(await invoke(buy, { as: 'buyer', body: { productId: listedA.productId, planId: 'basic' } }), 201);
  });

  it('hides the products, refuses creating, submitting, approving and buying, keeps orders going, and reinstating restores exactly what was listed', async () => {
    expect(before.a.GSI2PK).toBe('CATALOG');
    expect(before.b.GSI3PK).toBe('CATALOG#saas');
    const params = { providerId: org.providerId };
    const suspended = must(await invoke(suspend, { as: 'operator', params, body: { reason: '营业执照过期' } }), 200);
    expect(suspended).toMatchObject({ providerId: org.providerId, status: 'suspended', statusLabel: '已暂停', suspension: { reason: '营业执照过期' } });

    // out of the catalogue and the product page, listing unchanged
    for (const p of [listedA, listedB]) {
      expect(await catalogueKeys(p.productId)).toEqual({ GSI2PK: undefined, GSI2SK: undefined, GSI3PK: undefined, GSI3SK: undefined });
      expect((await invoke(page, { params: { productId: p.productId } })).status).toBe(404);
      expect((await invoke(productReviews, { params: { productId: p.productId } })).status).toBe(404);
      expect(await readItem(keys.product(p.productId))).toMatchObject({ listing: 'listed', suspended: true });
    }
    // nothing new is bought, created, submitted or approved
    const bought = await invoke(buy, { as: 'buyer', body: { productId: listedA.productId, planId: 'basic' } });
    expect(bought.status).toBe(409);
    expect(bought.body.code).toBe('PROVIDER_SUSPENDED');
    const created = await invoke(create, { as: org.as, body: productContent() });
    expect([created.status, created.body.code]).toEqual([409, 'PROVIDER_SUSPENDED']);
    const submitted = await invoke(submit, { as: org.as, params: { productId: draft.productId } });
    expect([submitted.status, submitted.body.code]).toEqual([409, 'PROVIDER_SUSPENDED']);
    const approved = await invoke(approve, { as: 'operator', params: { productId: inReview.productId }, body: { version: inReview.version } });
    expect([approved.status, approved.body.code]).toEqual([409, 'PROVIDER_SUSPENDED']);
    // the existing order goes on
    const started = await invoke(startOrder, { as: org.as, params: { orderId: order.orderId } });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('implementing');
    // suspending again: 409, nothing changes
    const again = await invoke(suspend, { as: 'operator', params, body: { reason: 'again' } });
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE']);
    // the operator's list by status finds it
    const list = must(await invoke(providers, { as: 'operator', query: { status: 'suspended', name: '暂停测试' } }), 200);
    expect(list.items.map((o: any) => o.providerId)).toContain(org.providerId);

    const reinstated = must(await invoke(reinstate, { as: 'operator', params }), 200);
    expect(reinstated).toMatchObject({ status: 'active', statusLabel: '正常' });
    expect(reinstated.suspension).toBeUndefined();
    expect(await catalogueKeys(listedA.productId)).toEqual(before.a);
    expect(await catalogueKeys(listedB.productId)).toEqual(before.b);
    expect((await invoke(page, { params: { productId: listedB.productId } })).status).toBe(200);
    expect(await readItem(keys.product(delisted.productId))).toMatchObject({ listing: 'delisted' });
    expect((await readItem(keys.product(delisted.productId)))!.GSI2PK).toBeUndefined();
    expect((await readItem(keys.product(listedA.productId)))!.suspended).toBeUndefined();
    // everything works again
    must(await invoke(buy, { as: 'buyer', body: { productId: listedA.productId, planId: 'basic' } }), 201);
    must(await invoke(approve, { as: 'operator', params: { productId: inReview.productId }, body: { version: inReview.version } }), 200);
    must(await invoke(submit, { as: org.as, params: { productId: draft.productId } }), 200);
    must(await invoke(create, { as: org.as, body: productContent() }), 201);
    const notAgain = await invoke(reinstate, { as: 'operator', params });
    expect([notAgain.status, notAgain.body.code]).toEqual([409, 'INVALID_STATE']);
  });

  it('tells the organisation’s members through their inbox, from the organisation’s timeline entry', async () => {
    const other = await organisation(`通知测试 ${randomUUID().slice(0, 8)}`);
    must(await invoke(suspend, { as: 'operator', params: { providerId: other.providerId }, body: { reason: '投诉核查' } }), 200);
    const entries = (await readPartition(`PROVIDER#${other.providerId}`)).filter((i) => i.type === 'timeline');
    expect(entries).toHaveLength(1);
    const event = eventOfTimelineEntry(entries[0]);
    expect(event.type).toBe('provider.suspended');
    expect(await notifyInboxes(event)).toBe('notified');
    const inbox = must(await invoke(listNotifications, { as: other.as, headers: { 'accept-language': 'zh-CN' } }), 200);
    expect(inbox.items[0]).toMatchObject({ type: 'suspend', title: '服务商已被暂停' });
    expect(inbox.items[0].body).toContain('投诉核查');
  });

  it('refuses an operator who belongs to the organisation (403), other roles (403), and an unknown organisation (404)', async () => {
    const own = await organisation(`利益冲突 ${randomUUID().slice(0, 8)}`);
    const operatorId = randomUUID();
    const at = new Date().toISOString();
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: membershipItem.item({ userId: operatorId, providerId: own.providerId, role: 'finance', organisationName: 'x', displayName: '运营', email: 'op@test.example', joinedAt: at }),
      }),
    );
    const operator = { token: mintToken({ sub: operatorId, 'cognito:groups': ['operators'] }) };
    const params = { providerId: own.providerId };
    const res = await invoke(suspend, { as: operator, params, body: { reason: '自查' } });
    expect([res.status, res.body.code]).toEqual([403, 'CONFLICT_OF_INTEREST']);
    expect(await readItem(keys.organisation(own.providerId))).toMatchObject({ status: 'active' });
    expect((await invoke(suspend, { as: 'buyer', params, body: { reason: 'x' } })).status).toBe(403);
    expect((await invoke(suspend, { as: own.as, params, body: { reason: 'x' } })).status).toBe(403);
    expect((await invoke(suspend, { as: 'operator', params: { providerId: randomUUID() }, body: { reason: 'x' } })).status).toBe(404);
    const bad = await invoke(suspend, { as: 'operator', params, body: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(['reason']);
  });

  it('lists organisations by name prefix and by status, each page a key condition, with cursors', async () => {
    const prefix = `列表${randomUUID().slice(0, 6)}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await organisation(`${prefix}-${i}`));
    const first = must(await invoke(providers, { as: 'operator', query: { name: prefix, limit: '2' } }), 200);
    expect(first.items.map((o: any) => o.name)).toEqual([`${prefix}-0`, `${prefix}-1`]);
    const second = must(await invoke(providers, { as: 'operator', query: { name: prefix, limit: '2', cursor: first.nextCursor } }), 200);
    expect(second.items.map((o: any) => o.name)).toEqual([`${prefix}-2`]);
    expect(second.nextCursor).toBeNull();
    const active = must(await invoke(providers, { as: 'operator', query: { name: prefix, status: 'active' } }), 200);
    expect(active.items).toHaveLength(3);
    const none = must(await invoke(providers, { as: 'operator', query: { name: prefix, status: 'suspended' } }), 200);
    expect(none.items).toEqual([]);
    const foreign = await invoke(providers, { as: 'operator', query: { name: prefix, status: 'suspended', cursor: first.nextCursor } });
    expect(foreign.status).toBe(400);
    expect((await invoke(providers, { as: 'buyer' })).status).toBe(403);
  });
});
