import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler as create } from '../../functions/products/create';
import { handler as listOwn } from '../../functions/products/list-own';
import { handler as getOwn } from '../../functions/products/get-own';
import { handler as edit } from '../../functions/products/edit';
import { handler as submit } from '../../functions/products/submit';
import { handler as withdraw } from '../../functions/products/withdraw';
import { handler as delist } from '../../functions/products/delist';
import { handler as catalog } from '../../functions/products/catalog';
import { handler as page } from '../../functions/products/page';
import { handler as reviews } from '../../functions/operator/review-queue';
import { handler as approve } from '../../functions/operator/approve';
import { handler as reject } from '../../functions/operator/reject';
import { handler as operatorProduct } from '../../functions/operator/product';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { productItem } from '../../lib/products/items';
import { countRoundTrips, readItem, readPartition, MEMBERSHIP_READ } from '../support/db';
import { productContent } from '../support/fixtures';
import { invoke } from '../support/http';
import { must, productIn } from '../support/products';

const p = (productId: string) => ({ productId });

describe('creating a product (商品接入)', () => {
  it('stores a draft owned by the caller, in one round trip', async () => {
    // Prepare
    const body = productContent({ status: 'listed', providerId: 'someone-else', productId: 'X', version: 99, createdAt: '2000-01-01' });
    // Act
    const { result, roundTrips } = await countRoundTrips(() => invoke(create, { as: 'provider', body }));
    // Assess
    expect(result.status).toBe(201);
    expect(roundTrips).toBe(MEMBERSHIP_READ + 1);
    const stored = await readItem(keys.product(result.body.productId));
    expect(stored).toMatchObject({ listing: 'unlisted', review: 'draft', version: 1, providerId: result.body.providerId });
    expect(result.body).toMatchObject({ status: 'draft', version: 1, live: null, revision: null, reviewHistory: [] });
    expect(result.body.productId).not.toBe('X');
    expect(result.body.createdAt).not.toBe('2000-01-01');
    expect(result.body.draft.plans[0]).toMatchObject({ planId: 'basic', price: 80_000 });
  });

  it('answers 400 naming every invalid field, and writes nothing', async () => {
    const body = productContent({
      name: 'x'.repeat(31),
      tags: [],
      plans: [{ planId: 'a', name: 'A', duration: 1, unit: 'week', listPrice: 100, price: 200 }],
      requirementsTemplate: [{ key: 'os', label: 'OS', type: 'select', required: true }],
    });
    const before = await invoke(listOwn, { as: 'provider2', query: { limit: '100' } });
    const res = await invoke(create, { as: 'provider2', body });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'tags', 'plans.0.unit', 'requirementsTemplate.0.options']));
    const after = await invoke(listOwn, { as: 'provider2', query: { limit: '100' } });
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('refuses a price above the list price', async () => {
    const res = await invoke(create, {
      as: 'provider',
      body: productContent({ plans: [{ name: 'A', duration: 1, unit: 'day', listPrice: 100, price: 200 }] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ path: 'plans.0.price', message: 'price must not exceed listPrice' });
  });

  it('answers 400 for a body that is not JSON, and for an empty one', async () => {
    const bad = await invoke(create, { as: 'provider', rawBody: '{"name": ' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('(body)');
    const empty = await invoke(create, { as: 'provider' });
    expect(empty.status).toBe(400);
  });

  it('replays the first answer for the same Idempotency-Key and body, and refuses another body', async () => {
    const headers = { 'idempotency-key': `create-${Date.now()}` };
    const first = await invoke(create, { as: 'provider', body: productContent(), headers });
    const again = await invoke(create, { as: 'provider', body: productContent(), headers });
    expect(again.status).toBe(201);
    expect(again.body.productId).toBe(first.body.productId);
    const other = await invoke(create, { as: 'provider', body: productContent({ name: 'Other' }), headers });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('creates one product for ten simultaneous requests with one Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `burst-${Date.now()}` };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => invoke(create, { as: 'provider', body: productContent(), headers })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.productId)).size).toBe(1);
  });
});

describe('the review cycle', () => {
  it('submits, shows in the review queue oldest first, and approves into the catalogue', async () => {
    const draft = await productIn('draft');
    const submitted = must(await invoke(submit, { as: 'provider', params: p(draft.productId) }), 200);
    expect(submitted).toMatchObject({ status: 'in_review', version: 2 });
    const queue = await invoke(reviews, { as: 'operator', query: { limit: '100' } });
    const ids = queue.body.items.map((i: any) => i.productId);
    expect(ids).toContain(draft.productId);
    const times = queue.body.items.map((i: any) => i.submittedAt);
    expect([...times].sort()).toEqual(times);

    const { result, roundTrips } = await countRoundTrips(() =>
      invoke(approve, { as: 'operator', params: p(draft.productId), body: { version: 2 } }),
    );
    expect(roundTrips).toBe(MEMBERSHIP_READ + 2);
    expect(result.body).toMatchObject({ status: 'listed', version: 3, draft: null, revision: null });
    expect(result.body.live.name).toBe(productContent().name);
    expect(result.body.reviewHistory).toEqual([
      expect.objectContaining({ decision: 'approved', operatorId: expect.any(String), at: expect.any(String) }),
    ]);
    const shown = await invoke(page, { params: p(draft.productId) });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ productId: draft.productId, name: productContent().name, plans: expect.any(Array) });
    expect(shown.body).not.toHaveProperty('draft');
    const after = await invoke(reviews, { as: 'operator', query: { limit: '100' } });
    expect(after.body.items.map((i: any) => i.productId)).not.toContain(draft.productId);
  });

  it('rejects with a reason, kept in the history; the provider edits and submits again', async () => {
    const inReview = await productIn('in_review');
    const rejected = must(
      await invoke(reject, { as: 'operator', params: p(inReview.productId), body: { reason: '缺少交付说明', version: inReview.version } }),
      200,
    );
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: '缺少交付说明' });
    expect(rejected.reviewHistory[0]).toMatchObject({ decision: 'rejected', reason: '缺少交付说明' });
    must(await invoke(edit, { as: 'provider', params: p(inReview.productId), body: { summary: 'now with scope' } }), 200);
    const again = must(await invoke(submit, { as: 'provider', params: p(inReview.productId) }), 200);
    expect(again.status).toBe('in_review');
  });

  it('answers 400 when a rejection has no reason', async () => {
    const inReview = await productIn('in_review');
    const res = await invoke(reject, { as: 'operator', params: p(inReview.productId), body: { version: inReview.version } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('reason');
  });

  it('withdraws a submission back to draft (撤销审核) and leaves the queue', async () => {
    const inReview = await productIn('in_review');
    const back = must(await invoke(withdraw, { as: 'provider', params: p(inReview.productId) }), 200);
    expect(back.status).toBe('draft');
    const stored = await readItem(keys.product(inReview.productId));
    expect(stored?.GSI4PK).toBeUndefined();
  });

  it('refuses to edit while in review, with 409 naming the status, and changes nothing', async () => {
    const inReview = await productIn('in_review');
    const res = await invoke(edit, { as: 'provider', params: p(inReview.productId), body: { name: 'sneaky' } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'in_review' });
    expect((await readItem(keys.productBody(inReview.productId)))?.draft).toMatchObject({ name: productContent().name });
  });

  it('refuses to approve a version other than the one reviewed (409 VERSION_CONFLICT)', async () => {
    const inReview = await productIn('in_review');
    must(await invoke(withdraw, { as: 'provider', params: p(inReview.productId) }), 200);
    must(await invoke(edit, { as: 'provider', params: p(inReview.productId), body: { name: 'changed after review' } }), 200);
    const resubmitted = must(await invoke(submit, { as: 'provider', params: p(inReview.productId) }), 200);
    const res = await invoke(approve, { as: 'operator', params: p(inReview.productId), body: { version: inReview.version } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: resubmitted.version });
    expect((await readItem(keys.product(inReview.productId)))?.listing).toBe('unlisted');
  });

  it('answers 400 naming version when an approval or a rejection does not say which version was reviewed', async () => {
    const inReview = await productIn('in_review');
    for (const [handler, body] of [
      [approve, {}],
      [approve, undefined],
      [reject, { reason: 'no' }],
    ] as const) {
      const res = await invoke(handler, { as: 'operator', params: p(inReview.productId), body });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.path)).toContain('version');
    }
    expect((await readItem(keys.product(inReview.productId)))?.review).toBe('in_review');
  });

  it('answers 409 when approving something that is not in review', async () => {
    const draft = await productIn('draft');
    const res = await invoke(approve, { as: 'operator', params: p(draft.productId), body: { version: draft.version } });
    expect(res.status).toBe(409);
    expect(res.body.currentStatus).toBe('draft');
  });

  it('writes a timeline entry for every status change', async () => {
    const listed = await productIn('listed');
    const entries = (await readPartition(`PRODUCT#${listed.productId}`)).filter((i) => i.type === 'timeline');
    expect(entries.map((e) => e.action)).toEqual(['submit', 'approve']);
  });
});

describe('editing a listed product (pending revision)', () => {
  it('keeps buyers on the approved version until the exact revision is approved', async () => {
    const listed = await productIn('listed');
    const edited = must(
      await invoke(edit, { as: 'provider', params: p(listed.productId), body: { name: '新名字', summary: 'new summary' } }),
      200,
    );
    expect(edited).toMatchObject({ status: 'listed', revision: { status: 'draft' } });
    expect(edited.draft).toMatchObject({ name: '新名字', summary: 'new summary', category: productContent().category });
    expect((await invoke(page, { params: p(listed.productId) })).body.name).toBe(productContent().name);

    const submitted = must(await invoke(submit, { as: 'provider', params: p(listed.productId) }), 200);
    expect(submitted).toMatchObject({ status: 'listed', revision: { status: 'in_review' } });
    expect((await invoke(page, { params: p(listed.productId) })).body.name).toBe(productContent().name);

    must(await invoke(approve, { as: 'operator', params: p(listed.productId), body: { version: submitted.version } }), 200);
    const shown = await invoke(page, { params: p(listed.productId) });
    expect(shown.body).toMatchObject({ name: '新名字', summary: 'new summary' });
  });

  it('shows a rejected revision with its reason while the live version stays listed', async () => {
    const listed = await productIn('listed');
    must(await invoke(edit, { as: 'provider', params: p(listed.productId), body: { deliveryDays: 9 } }), 200);
    const submitted = must(await invoke(submit, { as: 'provider', params: p(listed.productId) }), 200);
    const rejected = must(
      await invoke(reject, { as: 'operator', params: p(listed.productId), body: { reason: 'too slow', version: submitted.version } }),
      200,
    );
    expect(rejected).toMatchObject({ status: 'listed', revision: { status: 'rejected', reason: 'too slow' } });
    expect((await invoke(page, { params: p(listed.productId) })).body.deliveryDays).toBe(3);
  });

  it('answers 409 when submitting a listed product with nothing changed', async () => {
    const listed = await productIn('listed');
    const res = await invoke(submit, { as: 'provider', params: p(listed.productId) });
    expect(res.status).toBe(409);
  });

  it('edits in at most one write and one read', async () => {
    const listed = await productIn('listed');
    const { roundTrips } = await countRoundTrips(() =>
      invoke(edit, { as: 'provider', params: p(listed.productId), body: { tags: ['a'] } }),
    );
    // the draft is in the product's body and its review state on the head (docs/decisions.md, "Order and
    // product items: head and body"): the edit is one transaction over both, which answers nothing, so the
    // product as written is read after it (one Query of head and body)
    expect(roundTrips).toBe(MEMBERSHIP_READ + 2);
  });

  it('ignores status, ids, versions and timestamps sent in an edit', async () => {
    const draft = await productIn('draft');
    const res = await invoke(edit, {
      as: 'provider',
      params: p(draft.productId),
      body: { summary: 'ok', status: 'listed', providerId: 'x', version: 50, productId: 'y', createdAt: '1999' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', version: 2, productId: draft.productId, createdAt: draft.createdAt });
  });

  it('answers 400 for an empty edit', async () => {
    const draft = await productIn('draft');
    const res = await invoke(edit, { as: 'provider', params: p(draft.productId), body: {} });
    expect(res.status).toBe(400);
  });
});

describe('delisting and relisting (下架, 上架)', () => {
  it('removes a delisted product from the catalogue and the product page', async () => {
    const listed = await productIn('listed', 'provider', { serviceType: 'image' });
    const delisted = must(await invoke(delist, { as: 'provider', params: p(listed.productId) }), 200);
    expect(delisted.status).toBe('delisted');
    expect((await invoke(page, { params: p(listed.productId) })).status).toBe(404);
    const all = await invoke(catalog, { query: { limit: '100', serviceType: 'image' } });
    expect(all.body.items.map((i: any) => i.productId)).not.toContain(listed.productId);
  });

  it('delists a listed product whose revision is under review, and takes the revision out of review', async () => {
    // Prepare
    const listed = await productIn('listed');
    must(await invoke(edit, { as: 'provider', params: p(listed.productId), body: { summary: '审核中的修改' } }), 200);
    expect(must(await invoke(submit, { as: 'provider', params: p(listed.productId) }), 200).actions).toEqual(['withdraw', 'delist']);
    // Act
    const delisted = must(await invoke(delist, { as: 'provider', params: p(listed.productId) }), 200);
    // Assess: hidden at once; the revision is the provider's draft again, so no approval relists it
    expect(delisted).toMatchObject({ status: 'delisted', reviewState: 'draft', revision: null, actions: ['edit', 'submit'] });
    expect(delisted.draft.summary).toBe('审核中的修改');
    expect((await invoke(page, { params: p(listed.productId) })).status).toBe(404);
    const queue = must(await invoke(reviews, { as: 'operator', query: { limit: '100' } }), 200);
    expect(queue.items.map((i: any) => i.productId)).not.toContain(listed.productId);
    expect(await readItem(keys.product(listed.productId))).toMatchObject({ listing: 'delisted', review: 'draft' });
  });

  it('answers 409 when the product is already delisted', async () => {
    const delisted = await productIn('delisted');
    const res = await invoke(delist, { as: 'provider', params: p(delisted.productId) });
    expect(res.status).toBe(409);
    expect(res.body.currentStatus).toBe('delisted');
  });

  it('relists through review: edit, submit, approve', async () => {
    const delisted = await productIn('delisted');
    must(await invoke(edit, { as: 'provider', params: p(delisted.productId), body: { name: '重新上架' } }), 200);
    const submitted = must(await invoke(submit, { as: 'provider', params: p(delisted.productId) }), 200);
    expect(submitted.status).toBe('in_review');
    must(await invoke(approve, { as: 'operator', params: p(delisted.productId), body: { version: submitted.version } }), 200);
    expect((await invoke(page, { params: p(delisted.productId) })).body.name).toBe('重新上架');
  });
});

describe('lists', () => {
  it('filters the catalogue by service type and pages with a cursor, one round trip a page', async () => {
    for (let i = 0; i < 3; i++) await productIn('listed', 'provider2', { serviceType: 'api', name: `API ${i}` });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { result, roundTrips } = await countRoundTrips(() =>
        invoke(catalog, { query: { serviceType: 'api', limit: '2', ...(cursor ? { cursor } : {}) } }),
      );
      expect(roundTrips).toBe(1);
      expect(result.status).toBe(200);
      for (const item of result.body.items) {
        expect(item.serviceType).toBe('api');
        seen.push(item.productId);
      }
      cursor = result.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters own products by status and service type', async () => {
    await productIn('rejected', 'provider2', { serviceType: 'saas' });
    const res = await invoke(listOwn, { as: 'provider2', query: { status: 'rejected', serviceType: 'saas', limit: '100' } });
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) expect(item).toMatchObject({ status: 'rejected', draft: { serviceType: 'saas' } });
  });

  it('answers 200 for every status and service type filter, alone and together', async () => {
    for (const status of ['draft', 'in_review', 'rejected', 'listed', 'delisted', undefined]) {
      for (const serviceType of ['saas', undefined]) {
        const query = { limit: '5', ...(status ? { status } : {}), ...(serviceType ? { serviceType } : {}) };
        const res = await invoke(listOwn, { as: 'provider', query });
        expect(res.status, JSON.stringify(query)).toBe(200);
        for (const item of res.body.items) if (status) expect(item.status).toBe(status);
      }
    }
  });

  it('answers 400 for a cursor the API did not issue, or one for another list', async () => {
    const forged = await invoke(catalog, { query: { cursor: 'not-a-cursor' } });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('INVALID_CURSOR');
    const mine = await invoke(listOwn, { as: 'provider', query: { limit: '1' } });
    const foreign = await invoke(listOwn, { as: 'provider2', query: { cursor: mine.body.nextCursor } });
    expect(foreign.status).toBe(400);
  });

  it('answers 400 for a limit above 100 or an unknown filter value', async () => {
    expect((await invoke(catalog, { query: { limit: '101' } })).status).toBe(400);
    expect((await invoke(catalog, { query: { serviceType: 'pizza' } })).status).toBe(400);
  });

  it('reads a provider product in one round trip', async () => {
    const draft = await productIn('draft');
    const { result, roundTrips } = await countRoundTrips(() => invoke(getOwn, { as: 'provider', params: p(draft.productId) }));
    expect(result.status).toBe(200);
    expect(roundTrips).toBe(MEMBERSHIP_READ + 1);
  });
});

/** The stored product's index keys are the ones its declaration computes from it (and no others), and so are its key copies. */
const indexKeysAgree = async (productId: string) => {
  const stored = (await readItem(keys.product(productId)))!;
  const onItem = Object.fromEntries(Object.entries(stored).filter(([k]) => /^GSI\d+(PK|SK)$/.test(k)));
  expect(onItem).toEqual(productItem.indexAttributes(productItem.parse(stored)));
  expect(stored).toMatchObject(productItem.copyAttributes(productItem.parse(stored)));
  return stored;
};

describe('status changes racing each other', () => {
  it('lets one of a simultaneous approve and reject win; the other answers 409 and the indexes follow the winner', async () => {
    const product = await productIn('in_review');
    const params = p(product.productId);
    const answers = await Promise.all([
      invoke(approve, { as: 'operator', params, body: { version: product.version } }),
      invoke(reject, { as: 'operator', params, body: { version: product.version, reason: 'incomplete' } }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const stored = await indexKeysAgree(product.productId);
    expect(stored.version).toBe(product.version + 1);
  });

  it('keeps the index keys equal to the declaration’s through a provider’s and an operator’s steps taken at once', async () => {
    const product = await productIn('listed');
    const params = p(product.productId);
    must(await invoke(edit, { as: 'provider', params, body: { summary: 'racing' } }), 200);
    const submitted = must(await invoke(submit, { as: 'provider', params }), 200);
    const answers = await Promise.all([
      invoke(withdraw, { as: 'provider', params }),
      invoke(approve, { as: 'operator', params, body: { version: submitted.version } }),
      invoke(delist, { as: 'provider', params }),
    ]);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    await indexKeysAgree(product.productId);
  });
});

describe('status changes are blind conditional writes (spec 9)', () => {
  afterEach(() => vi.restoreAllMocks());

  /** The DynamoDB commands `fn` sends, in order. */
  const commandsOf = async <T>(fn: () => Promise<T>) => {
    const sent: string[] = [];
    const send = ddb.send.bind(ddb);
    vi.spyOn(ddb, 'send').mockImplementation((async (command: any) => {
      sent.push(command.constructor.name);
      return send(command);
    }) as never);
    const result = await fn();
    vi.restoreAllMocks();
    return { result, sent };
  };

  it('writes first (the product and its timeline entry in one transaction) and reads only for the answer', async () => {
    const draft = await productIn('draft');
    const submitted = await commandsOf(() => invoke(submit, { as: 'provider', params: p(draft.productId) }));
    expect(submitted.result.status).toBe(200);
    // the caller's memberships (who they act for) are read first; of the product itself: the write, then the read for the answer
    // (the answer's read: one Query of the product's head and body)
    expect(submitted.sent).toEqual(['QueryCommand', 'TransactWriteCommand', 'QueryCommand']);
    const approved = await commandsOf(() => invoke(approve, { as: 'operator', params: p(draft.productId), body: { version: 2 } }));
    expect(approved.result.body).toMatchObject({ status: 'listed', version: 3 });
    expect(approved.sent).toEqual(['QueryCommand', 'TransactWriteCommand', 'QueryCommand']);
  });

  it('explains a refusal from the item the failed condition returns, without reading', async () => {
    const draft = await productIn('draft');
    const foreign = await commandsOf(() => invoke(submit, { as: 'provider2', params: p(draft.productId) }));
    expect(foreign.result.status).toBe(404);
    const wrong = await commandsOf(() => invoke(approve, { as: 'operator', params: p(draft.productId), body: { version: 1 } }));
    expect(wrong.result.status).toBe(409);
    expect(wrong.result.body.code).toBe('INVALID_STATE');
    for (const refused of [foreign, wrong]) expect(refused.sent).toEqual(['QueryCommand', 'TransactWriteCommand']);
  });

  it('an operator’s approve copies the provider’s listed partition and the draft’s catalogue from the product', async () => {
    const product = await productIn('in_review', 'provider', { serviceType: 'saas' });
    must(await invoke(approve, { as: 'operator', params: p(product.productId), body: { version: product.version } }), 200);
    const stored = (await readItem(keys.product(product.productId)))!;
    expect(stored).toMatchObject({
      GSI5PK: stored.listingKey_listed,
      GSI3PK: keys.catalogByType('saas'),
      draftCatalogKey: keys.catalogByType('saas'),
    });
  });

  it('refuses to move a product stored without the key copies instead of writing a wrong key; an edit writes them', async () => {
    const product = await productIn('in_review');
    const key = keys.product(product.productId);
    await ddb.send(new UpdateCommand({ TableName: tableName, Key: key, UpdateExpression: 'REMOVE listingKey_listed, draftCatalogKey' }));
    const before = (await readItem(key))!;
    const refused = await invoke(approve, { as: 'operator', params: p(product.productId), body: { version: product.version } });
    expect(refused.status).toBe(500);
    expect(await readItem(key)).toEqual(before);
    // the provider withdraws (their own partition is built, not copied), edits (the copies are written) and submits again
    must(await invoke(withdraw, { as: 'provider', params: p(product.productId) }), 200);
    must(await invoke(edit, { as: 'provider', params: p(product.productId), body: { serviceType: productContent().serviceType } }), 200);
    const again = must(await invoke(submit, { as: 'provider', params: p(product.productId) }), 200);
    must(await invoke(approve, { as: 'operator', params: p(product.productId), body: { version: again.version } }), 200);
    await indexKeysAgree(product.productId);
  });
});

describe('summary rows and the product read (head and body)', () => {
  it('lists answer the head’s row: the content’s cards (no description, no form), no history, in one Query a page', async () => {
    const inReview = await productIn('in_review', 'provider', { serviceType: 'software', description: '很长的介绍'.repeat(200) });
    const own = await countRoundTrips(() => invoke(listOwn, { as: 'provider', query: { status: 'in_review', serviceType: 'software', limit: '100' } }));
    const row = own.result.body.items.find((i: { productId: string }) => i.productId === inReview.productId);
    expect(row).toMatchObject({ status: 'in_review', version: inReview.version, draft: { name: inReview.draft.name, plans: inReview.draft.plans } });
    expect(row.draft).not.toHaveProperty('description');
    expect(row.draft).not.toHaveProperty('requirementsTemplate');
    expect(row).not.toHaveProperty('reviewHistory');
    // the caller's memberships, then the index Queries of the status's partitions: no read of the bodies
    expect(own.roundTrips).toBe(MEMBERSHIP_READ + 2);
    const queue = must(await invoke(reviews, { as: 'operator', query: { limit: '100' } }), 200);
    const queued = queue.items.find((i: { productId: string }) => i.productId === inReview.productId);
    expect(queued).toMatchObject({ version: inReview.version, draft: { name: inReview.draft.name } });
    expect(queued.draft).not.toHaveProperty('description');
  });

  it('an operator reads any product whole (the review page) in one Query; nobody else does', async () => {
    const inReview = await productIn('in_review');
    const read = await countRoundTrips(() => invoke(operatorProduct, { as: 'operator', params: p(inReview.productId) }));
    expect(read.result.status).toBe(200);
    expect(read.result.body).toMatchObject({ productId: inReview.productId, draft: { description: inReview.draft.description }, reviewHistory: [] });
    // head and body in one Query (a route open to operators alone reads no memberships)
    expect(read.roundTrips).toBe(1);
    expect((await invoke(operatorProduct, { as: 'provider', params: p(inReview.productId) })).status).toBe(403);
    expect((await invoke(operatorProduct, { as: 'operator', params: p('01ARZ3NDEKTSV4RRFFQ69G5FAV') })).status).toBe(404);
  });
});
