import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as download } from '../../functions/attachments/download';
import { handler as grant } from '../../functions/attachments/grant';
import { handler as dashboard } from '../../functions/dashboard/get';
import { handler as appeal } from '../../functions/orders/appeal';
import { handler as complete } from '../../functions/orders/complete';
import { handler as buy } from '../../functions/orders/create';
import { handler as exportOrders } from '../../functions/orders/export';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as listOrders } from '../../functions/orders/list-provider';
import { handler as message } from '../../functions/orders/message';
import { handler as rejectRequirements } from '../../functions/orders/reject-requirements';
import { handler as start } from '../../functions/orders/start';
import { handler as urge } from '../../functions/orders/urge';
import { handler as createProduct } from '../../functions/products/create';
import { handler as deleteProduct } from '../../functions/products/delete';
import { handler as delist } from '../../functions/products/delist';
import { handler as edit } from '../../functions/products/edit';
import { handler as getOwn } from '../../functions/products/get-own';
import { handler as listOwn } from '../../functions/products/list-own';
import { handler as submit } from '../../functions/products/submit';
import { handler as withdraw } from '../../functions/products/withdraw';
import { handler as review } from '../../functions/reviews/create';
import { handler as reply } from '../../functions/reviews/reply';
import { handler as saasCalls } from '../../functions/saas/calls';
import { handler as saasDebug } from '../../functions/saas/debug';
import { handler as saasGet } from '../../functions/saas/get-endpoint';
import { handler as saasPut } from '../../functions/saas/put-endpoint';
import { handler as saasResend } from '../../functions/saas/resend';
import { handler as webhookDelete } from '../../functions/webhooks/delete';
import { handler as webhookDeliveries } from '../../functions/webhooks/deliveries';
import { handler as webhookGet } from '../../functions/webhooks/get';
import { handler as webhookPut } from '../../functions/webhooks/put';
import { handler as webhookRedeliver } from '../../functions/webhooks/redeliver';
import { handler as webhookTest } from '../../functions/webhooks/test';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { MEMBER_ROLES, rolesFor, type MemberAbility, type MemberRole } from '../../lib/providers/roles';
import { newId } from '../../lib/shared/ids';
import { ensureMember } from '../../scripts/lib/organisations';
import { productContent } from '../support/fixtures';
import { invoke, user, type Answer } from '../support/http';
import { ANSWERS, orderIn } from '../support/orders';
import { must, productIn } from '../support/products';
import { mintToken } from '../support/tokens';

/** A person of their own (a token minted for a new subject), in the buyers group like every account. */
const person = () => {
  const sub = newId();
  return { sub, as: { token: mintToken({ sub, 'cognito:groups': ['buyers'] }) } };
};
type Person = ReturnType<typeof person>;

const join = async (p: Person, providerId: string, organisationName: string, role: Exclude<MemberRole, 'admin'>) =>
  ensureMember(ddb, tableName, { providerId, organisationName, userId: p.sub, email: `${p.sub}@test.example`, role });

/** The team admin's organisation: providerId = their user id (as the migration and the test setup make it). */
const team = () => user('teamAdmin').id;
const otherTeam = () => user('otherTeamAdmin').id;

/** One member of each role in the team (the administrator is the test user itself). */
const members = {} as Record<MemberRole, { as: Person['as'] | 'teamAdmin' }>;

/** The objects the matrix acts on, made once by the administrator and the buyer. */
let product: { productId: string };
let implementing: { orderId: string };
let rated: { orderId: string };

beforeAll(async () => {
  members.admin = { as: 'teamAdmin' };
  for (const role of MEMBER_ROLES.filter((r): r is Exclude<MemberRole, 'admin'> => r !== 'admin')) {
    const p = person();
    await join(p, team(), 'team-admin@test.example', role);
    members[role] = { as: p.as };
  }
  product = await productIn('draft', 'teamAdmin');
  implementing = await orderIn('implementing', { provider: 'teamAdmin' });
  rated = await orderIn('completed', { provider: 'teamAdmin' });
  must(await invoke(review, { as: 'buyer', params: { orderId: rated.orderId }, body: { rating: 5, comment: '很好' } }), 201);
});

type Caller = Person['as'] | 'teamAdmin';
/**
 * Every provider route and provider order command, with the ability it needs (`read`: every member). The
 * matrix below takes each with each member role: allowed, it may still answer 404, 409 or 400 for the state of
 * the object; refused, it answers 403 MEMBER_ROLE_FORBIDDEN and nothing else.
 */
const ROUTES: Array<{ name: string; ability: MemberAbility | 'read'; call: (as: Caller) => Promise<Answer> }> = [
  { name: 'GET /provider/products', ability: 'read', call: (as) => invoke(listOwn, { as }) },
  { name: 'GET /provider/products/{id}', ability: 'read', call: (as) => invoke(getOwn, { as, params: { productId: product.productId } }) },
  { name: 'POST /provider/products', ability: 'products', call: (as) => invoke(createProduct, { as, body: productContent() }) },
  { name: 'PATCH /provider/products/{id}', ability: 'products', call: (as) => invoke(edit, { as, params: { productId: product.productId }, body: { summary: '改过' } }) },
  { name: 'POST …/submit', ability: 'products', call: (as) => invoke(submit, { as, params: { productId: product.productId } }) },
  { name: 'POST …/withdraw', ability: 'products', call: (as) => invoke(withdraw, { as, params: { productId: product.productId } }) },
  { name: 'POST …/delist', ability: 'products', call: (as) => invoke(delist, { as, params: { productId: product.productId } }) },
  { name: 'DELETE /provider/products/{id}', ability: 'products', call: (as) => invoke(deleteProduct, { as, params: { productId: newId() } }) },
  { name: 'GET /provider/orders', ability: 'read', call: (as) => invoke(listOrders, { as }) },
  { name: 'GET /provider/orders/export', ability: 'finance', call: (as) => invoke(exportOrders, { as }) },
  { name: 'GET /provider/dashboard', ability: 'finance', call: (as) => invoke(dashboard, { as, query: { from: '2026-01-01', to: '2026-01-31' } }) },
  { name: 'GET /provider/webhook', ability: 'administer', call: (as) => invoke(webhookGet, { as }) },
  { name: 'PUT /provider/webhook', ability: 'administer', call: (as) => invoke(webhookPut, { as, body: { url: 'https://hooks.example.com/in', enabled: false } }) },
  { name: 'DELETE /provider/webhook', ability: 'administer', call: (as) => invoke(webhookDelete, { as }) },
  { name: 'GET /provider/webhook/deliveries', ability: 'administer', call: (as) => invoke(webhookDeliveries, { as }) },
  { name: 'POST /provider/webhook/test', ability: 'administer', call: (as) => invoke(webhookTest, { as }) },
  { name: 'POST …/deliveries/{id}/redeliver', ability: 'administer', call: (as) => invoke(webhookRedeliver, { as, params: { deliveryId: newId() } }) },
  { name: 'GET /provider/saas-endpoint', ability: 'administer', call: (as) => invoke(saasGet, { as }) },
  { name: 'PUT /provider/saas-endpoint', ability: 'administer', call: (as) => invoke(saasPut, { as, body: { url: 'https://saas.example.com/api', token: 'token-123456' } }) },
  { name: 'POST /provider/saas-endpoint/debug', ability: 'administer', call: (as) => invoke(saasDebug, { as, body: { action: 'createInstance' } }) },
  { name: 'GET /provider/saas-calls', ability: 'saasCalls', call: (as) => invoke(saasCalls, { as }) },
  { name: 'POST /provider/saas-calls/{id}/resend', ability: 'saasCalls', call: (as) => invoke(saasResend, { as, params: { callId: newId() } }) },
  // the provider side of an order
  { name: 'GET /orders/{id}', ability: 'read', call: (as) => invoke(getOrder, { as, params: { orderId: implementing.orderId } }) },
  { name: 'POST …/start', ability: 'deliver', call: (as) => invoke(start, { as, params: { orderId: implementing.orderId } }) },
  { name: 'POST …/complete', ability: 'deliver', call: (as) => invoke(complete, { as, params: { orderId: rated.orderId }, body: { note: '再次交付' } }) },
  { name: 'POST …/urge', ability: 'deliver', call: (as) => invoke(urge, { as, params: { orderId: implementing.orderId } }) },
  { name: 'POST …/requirements/reject', ability: 'deliver', call: (as) => invoke(rejectRequirements, { as, params: { orderId: implementing.orderId }, body: { reason: '缺少信息' } }) },
  { name: 'POST …/messages', ability: 'message', call: (as) => invoke(message, { as, params: { orderId: implementing.orderId }, body: { text: '您好' } }) },
  { name: 'POST …/attachments', ability: 'attach', call: (as) => invoke(grant, { as, params: { orderId: implementing.orderId }, body: { fileName: 'a.txt', contentType: 'text/plain', size: 3 } }) },
  { name: 'POST …/appeal', ability: 'appeal', call: (as) => invoke(appeal, { as, params: { orderId: implementing.orderId }, body: { reason: '买家失联' } }) },
  { name: 'POST …/review/reply', ability: 'reviewReply', call: (as) => invoke(reply, { as, params: { orderId: rated.orderId }, body: { text: '感谢' } }) },
];

const allowed = (ability: MemberAbility | 'read', role: MemberRole) => ability === 'read' || rolesFor(ability).includes(role);

describe('member roles on every provider route and provider order command', () => {
  it(`holds the role table: ${ROUTES.length} routes × ${MEMBER_ROLES.length} roles`, async () => {
    const outcomes: string[] = [];
    let refused = 0;
    for (const route of ROUTES) {
      for (const role of MEMBER_ROLES) {
        const res = await route.call(members[role].as);
        const forbidden = res.status === 403 && res.body?.code === 'MEMBER_ROLE_FORBIDDEN';
        if (!allowed(route.ability, role)) refused++;
        if (allowed(route.ability, role) === forbidden || res.status >= 500 || (res.status === 403 && !forbidden)) {
          outcomes.push(`${route.name} as ${role}: ${res.status} ${res.body?.code ?? ''}`);
        }
      }
    }
    expect(outcomes).toEqual([]);
    // the figure for the record: how many of the cases are refusals
    expect(refused).toBe(ROUTES.flatMap((r) => MEMBER_ROLES.filter((m) => !allowed(r.ability, m))).length);
    expect(ROUTES.length * MEMBER_ROLES.length).toBe(155);
  });

  it('names the roles that may in the refusal', async () => {
    const res = await invoke(exportOrders, { as: members.support.as });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'MEMBER_ROLE_FORBIDDEN', allowedRoles: ['admin', 'finance'] });
  });
});

describe('two organisations never see each other’s anything', () => {
  it('answers 404 for the other’s products, orders, attachments; lists, export and dashboard hold only their own', async () => {
    const other = 'otherTeamAdmin' as const;
    const theirOrder = await orderIn('implementing', { provider: 'teamAdmin' });
    const file = must(await invoke(grant, { as: 'teamAdmin', params: { orderId: theirOrder.orderId }, body: { fileName: 'r.txt', contentType: 'text/plain', size: 3 } }), 201);
    expect((await invoke(getOwn, { as: other, params: { productId: product.productId } })).status).toBe(404);
    expect((await invoke(edit, { as: other, params: { productId: product.productId }, body: { summary: 'x' } })).status).toBe(404);
    expect((await invoke(submit, { as: other, params: { productId: product.productId } })).status).toBe(404);
    expect((await invoke(getOrder, { as: other, params: { orderId: theirOrder.orderId } })).status).toBe(404);
    expect((await invoke(start, { as: other, params: { orderId: theirOrder.orderId } })).status).toBe(404);
    expect((await invoke(message, { as: other, params: { orderId: theirOrder.orderId }, body: { text: 'hi' } })).status).toBe(404);
    expect((await invoke(grant, { as: other, params: { orderId: theirOrder.orderId }, body: { fileName: 'a.txt', contentType: 'text/plain', size: 3 } })).status).toBe(404);
    expect((await invoke(download, { as: other, params: { orderId: theirOrder.orderId, attachmentId: file.attachmentId } })).status).toBe(404);
    expect((await invoke(reply, { as: other, params: { orderId: rated.orderId }, body: { text: '谢谢' } })).status).toBe(404);
    const products = must(await invoke(listOwn, { as: other, query: { limit: '100' } }), 200);
    expect(products.items.every((p: { providerId: string }) => p.providerId === otherTeam())).toBe(true);
    const orders = must(await invoke(listOrders, { as: other, query: { limit: '100' } }), 200);
    expect(orders.items.map((o: { orderId: string }) => o.orderId)).not.toContain(theirOrder.orderId);
    const csv = await invoke(exportOrders, { as: other });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).not.toContain(theirOrder.orderId);
    const day = theirOrder.createdAt.slice(0, 10);
    const board = must(await invoke(dashboard, { as: other, query: { from: day, to: day } }), 200);
    expect(board.totals.orders).toBe(0);
    // the webhook is the organisation's: one set by the other is not this one's
    must(await invoke(webhookPut, { as: 'teamAdmin', body: { url: 'http://127.0.0.1:9/team', enabled: false } }), 200);
    const hook = await invoke(webhookGet, { as: other });
    expect(hook.body?.url).not.toBe('http://127.0.0.1:9/team');
  });
});

describe('a person in two organisations', () => {
  it('acts for the one Provider-Id names; needs it (400 naming it) and may not name a third (404)', async () => {
    const p = person();
    await join(p, team(), 'team', 'support');
    await join(p, otherTeam(), 'other team', 'products');
    const plain = await invoke(listOwn, { as: p.as });
    expect(plain.status).toBe(400);
    expect(plain.body).toMatchObject({ code: 'PROVIDER_ID_REQUIRED', errors: [{ path: 'Provider-Id' }] });
    const ours = must(await invoke(listOwn, { as: p.as, headers: { 'provider-id': team() }, query: { limit: '100' } }), 200);
    expect(ours.items.map((i: { productId: string }) => i.productId)).toContain(product.productId);
    const theirs = must(await invoke(listOwn, { as: p.as, headers: { 'provider-id': otherTeam() }, query: { limit: '100' } }), 200);
    expect(theirs.items.map((i: { productId: string }) => i.productId)).not.toContain(product.productId);
    expect((await invoke(listOwn, { as: p.as, headers: { 'provider-id': user('provider').id } })).status).toBe(404);
    // the role is the one held in the organisation named: support in one, products in the other
    expect((await invoke(createProduct, { as: p.as, headers: { 'provider-id': team() }, body: productContent() })).body.code).toBe('MEMBER_ROLE_FORBIDDEN');
    const made = must(await invoke(createProduct, { as: p.as, headers: { 'provider-id': otherTeam() }, body: productContent() }), 201);
    expect(made.providerId).toBe(otherTeam());
    // an order names its organisation: no header needed, and the person's role there applies
    expect((await invoke(message, { as: p.as, params: { orderId: implementing.orderId }, body: { text: '客服在' } })).status).toBe(200);
  });
});

describe('separation of duties by membership', () => {
  it('refuses a member buying a product of their own organisation (403 CONFLICT_OF_INTEREST)', async () => {
    const listed = await productIn('listed', 'teamAdmin');
    const res = await invoke(buy, { as: members.delivery.as, body: { productId: listed.productId, planId: 'basic' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
    // someone else may buy it
    expect((await invoke(buy, { as: 'buyer', body: { productId: listed.productId, planId: 'basic' } })).status).toBe(201);
  });
});

describe('a removed member', () => {
  it('is refused on the very next request', async () => {
    const p = person();
    await join(p, team(), 'team', 'delivery');
    expect((await invoke(listOwn, { as: p.as })).status).toBe(200);
    expect((await invoke(message, { as: p.as, params: { orderId: implementing.orderId }, body: { text: '在' } })).status).toBe(200);
    await ddb.send(new DeleteCommand({ TableName: tableName, Key: keys.membership(p.sub, team()) }));
    const next = await invoke(listOwn, { as: p.as });
    expect(next.status).toBe(403);
    expect((await invoke(getOrder, { as: p.as, params: { orderId: implementing.orderId } })).status).toBe(404);
    expect((await invoke(message, { as: p.as, params: { orderId: implementing.orderId }, body: { text: '还在吗' } })).status).toBe(404);
  });
});

void ANSWERS;
