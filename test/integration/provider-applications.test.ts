import { beforeAll, describe, expect, it } from 'vitest';
import { handler as submit } from '../../functions/provider-applications/submit';
import { handler as mine } from '../../functions/provider-applications/mine';
import { handler as getOne } from '../../functions/provider-applications/get';
import { handler as edit } from '../../functions/provider-applications/edit';
import { handler as withdraw } from '../../functions/provider-applications/withdraw';
import { handler as grantLicenceHandler } from '../../functions/provider-applications/grant-licence';
import { handler as licence } from '../../functions/provider-applications/licence';
import { handler as queue } from '../../functions/operator/provider-applications';
import { handler as approve } from '../../functions/operator/approve-application';
import { handler as reject } from '../../functions/operator/reject-application';
import { handler as listNotifications } from '../../functions/notifications/list';
import { handler as emailConsumer } from '../../functions/events/email';
import { handler as listOwnProducts } from '../../functions/products/list-own';
import { handler as createProduct } from '../../functions/products/create';
import { invocationOf } from '../../lib/events/local-bus';
import { asFunction } from '../support/dynamodb-calls';
import { mailsTo } from '../support/mail';
import { keys } from '../../lib/db/keys';
import { eventOfTimelineEntry } from '../../lib/events/from-timeline';
import { EVENT_CONTRACTS } from '../../lib/events/contracts';
import { notifyInboxes } from '../../lib/notifications/fanout';
import { loadPerson } from '../../lib/people/person';
import { applicationBody, applied, freshCreditCode, grantLicence, PDF, uploadedLicence } from '../support/applications';
import { upload } from '../support/attachments';
import { productContent } from '../support/fixtures';
import { newPerson } from '../support/people';
import { countRoundTrips, readItem, readPartition } from '../support/db';
import { invoke, lambdaContext, user } from '../support/http';
import { must } from '../support/products';
import { newId } from '../../lib/shared/ids';
import { listMyApplications as listMyApplicationsOf } from '../../lib/providers/applications/repository';
import { seedDemoApplication } from '../../scripts/lib/seed-applications';

const id = (applicationId: string) => ({ applicationId });

/**
 * The applicants: people of this file's own. An approval makes its applicant an organisation's administrator,
 * and the shared test users (buyer, buyer2) must stay buyers for every other file that runs on this table.
 */
let A: Awaited<ReturnType<typeof newPerson>>;
let B: Awaited<ReturnType<typeof newPerson>>;
beforeAll(async () => {
  [A, B] = await Promise.all([newPerson(), newPerson()]);
});
const MB = 1024 * 1024;
const paths = (body: { errors?: Array<{ path: string }> }) => (body.errors ?? []).map((e) => e.path).sort();

describe('applying (入驻)', () => {
  it('stores a pending application of the caller with the checked licence, in the operator’s queue', async () => {
    const licenceId = await uploadedLicence(A.as);
    const body = applicationBody(licenceId);
    const res = await invoke(submit, { as: A.as, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      applicantId: A.id,
      status: 'pending',
      statusLabel: { zh: '待审核', en: 'Pending review' },
      version: 1,
      creditCode: body.creditCode,
      licence: { licenceId, fileName: '营业执照.pdf', contentType: 'application/pdf', size: Buffer.byteLength(PDF) },
      decisions: [],
    });
    const stored = await readItem(keys.application(res.body.applicationId));
    expect(stored).toMatchObject({ type: 'application', GSI2PK: 'APPLICATIONS#pending' });
    expect(stored!.licence.verifiedKey).toMatch(new RegExp(`^verified/licences/${licenceId}/`));
    // the licence grant is referenced: its TTL is gone, what was checked is recorded
    const record = await readItem(keys.licence(licenceId));
    expect(record).toMatchObject({ verifiedKey: stored!.licence.verifiedKey, storedSize: Buffer.byteLength(PDF) });
    expect(record!.expiresAt).toBeUndefined();
    const listed = must(await invoke(mine, { as: A.as }), 200);
    expect(listed.items.map((a: any) => a.applicationId)).toContain(res.body.applicationId);
  });

  it('replays a keyed submission: one application, the same answer', async () => {
    const body = applicationBody(await uploadedLicence(A.as));
    const headers = { 'idempotency-key': `apply-${freshCreditCode()}` };
    const first = await invoke(submit, { as: A.as, body, headers });
    const again = await invoke(submit, { as: A.as, body, headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.applicationId).toBe(first.body.applicationId);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await invoke(submit, { as: A.as, body: { ...body, companyName: '另一家公司' }, headers });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses malformed bodies with 400 naming every field, and writes nothing', async () => {
    const licenceId = await uploadedLicence(A.as);
    const good = applicationBody(licenceId);
    const corrupted = `${good.creditCode.slice(0, 17)}${good.creditCode[17] === '0' ? '1' : '0'}`;
    const res = await invoke(submit, {
      as: A.as,
      body: { ...good, companyName: '云', creditCode: corrupted, contactPhone: '12345', contactEmail: 'not-an-email', serviceTypes: [], licence: 'x' },
    });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(['companyName', 'contactEmail', 'contactPhone', 'creditCode', 'licence', 'serviceTypes']);
    const shape = await invoke(submit, { as: A.as, body: { ...good, creditCode: good.creditCode.toLowerCase(), serviceTypes: ['saas', 'saas', 'mining'] } });
    expect(shape.status).toBe(400);
    expect(paths(shape.body)).toEqual(['creditCode', 'serviceTypes.2'].sort());
    const unknown = await invoke(submit, { as: A.as, body: { ...good, status: 'approved' } });
    expect([unknown.status, paths(unknown.body)]).toEqual([400, ['(body)']]);
    const missing = await invoke(submit, { as: A.as, body: { companyName: '杭州云帆运维科技有限公司' } });
    expect(paths(missing.body)).toEqual(['contactEmail', 'contactName', 'contactPhone', 'creditCode', 'licence', 'serviceTypes']);
    expect(await readItem(keys.licence(licenceId))).toMatchObject({ expiresAt: expect.any(Number) });
  });

  it('needs the licence uploaded first: a grant never uploaded, an unknown id or someone else’s licence is refused naming `licence`', async () => {
    const granted = await grantLicence(A.as, { size: 100 });
    const notUploaded = await invoke(submit, { as: A.as, body: applicationBody(granted.licenceId) });
    expect(notUploaded.status).toBe(400);
    expect(paths(notUploaded.body)).toEqual(['licence']);
    const unknown = await invoke(submit, { as: A.as, body: applicationBody('01ARZ3NDEKTSV4RRFFQ69G5FAV') });
    expect([unknown.status, paths(unknown.body)]).toEqual([400, ['licence']]);
    const theirs = await uploadedLicence(B.as);
    const foreign = await invoke(submit, { as: A.as, body: applicationBody(theirs) });
    expect([foreign.status, paths(foreign.body)]).toEqual([400, ['licence']]);
  });

  it('accepts only pdf, png or jpeg of at most 5 MB, and refuses an upload that is not what was granted', async () => {
    const grant = (body: Record<string, unknown>) => invoke(grantLicenceHandler, { as: A.as, body: { fileName: '营业执照.pdf', contentType: 'application/pdf', size: 100, ...body } });
    const zip = await grant({ fileName: 'licence.zip', contentType: 'application/zip' });
    const big = await grant({ size: 5 * MB + 1 });
    const exe = await grant({ fileName: 'licence.exe', contentType: 'image/png' });
    expect([zip.status, big.status, exe.status]).toEqual([400, 400, 400]);
    expect([paths(zip.body), paths(big.body), paths(exe.body)]).toEqual([['contentType'], ['size'], ['fileName']]);
    const png = await grant({ fileName: 'licence.png', contentType: 'image/png' });
    expect(png.status).toBe(201);
    expect(png.body.upload.fields).toMatchObject({ key: `licences/${A.id}/${png.body.licenceId}`, 'Content-Type': 'image/png' });
    // the local emulator does not enforce the policy: a larger file, or another type, is caught at the reference
    const larger = await grantLicence(A.as, { size: 10 });
    await upload({ attachmentId: larger.licenceId, upload: larger.upload }, 'x'.repeat(11));
    const tooLarge = await invoke(submit, { as: A.as, body: applicationBody(larger.licenceId) });
    expect([tooLarge.status, paths(tooLarge.body)]).toEqual([400, ['licence']]);
    const lying = await grantLicence(A.as, { size: 100 });
    await upload({ attachmentId: lying.licenceId, upload: lying.upload }, '<html>', { 'Content-Type': 'text/html' });
    const otherType = await invoke(submit, { as: A.as, body: applicationBody(lying.licenceId) });
    expect([otherType.status, paths(otherType.body)]).toEqual([400, ['licence']]);
  });
});

describe('deciding (入驻审核)', () => {
  it('approves in one transaction: the organisation, its credit code and the applicant as its administrator', async () => {
    const a = await applied(B.as, { companyName: '深圳星河数据服务有限公司' });
    const { result, roundTrips } = await countRoundTrips(() =>
      invoke(approve, { as: 'operator', params: id(a.applicationId), body: { version: a.version } }),
    );
    expect(result.status).toBe(200);
    expect(roundTrips).toBe(2);
    const { providerId } = result.body;
    expect(result.body).toMatchObject({ status: 'approved', version: 2, decisions: [{ decision: 'approved', operatorId: user('operator').id }] });
    expect(await readItem(keys.organisation(providerId))).toMatchObject({
      name: '深圳星河数据服务有限公司',
      creditCode: a.creditCode,
      status: 'active',
      admins: 1,
      applicationId: a.applicationId,
      contact: { name: '张三', phone: '13812345678', email: 'zhangsan@yunfan.example' },
    });
    expect(await readItem(keys.creditCode(a.creditCode))).toMatchObject({ providerId, applicationId: a.applicationId });
    expect(await readItem(keys.membership(B.id, providerId))).toMatchObject({ role: 'admin', organisationName: '深圳星河数据服务有限公司' });
    const person = await loadPerson(B.id);
    expect(person.memberships).toContainEqual({ providerId, role: 'admin', organisationName: '深圳星河数据服务有限公司' });
    // the decision is a timeline entry in the application's partition: the event's source
    const entries = (await readPartition(keys.application(a.applicationId).PK)).filter((i) => i.type === 'timeline');
    expect(entries).toMatchObject([{ entity: 'application', action: 'approve', data: { providerId, applicantId: B.id } }]);
    // final: neither decided again nor withdrawn
    const again = await invoke(approve, { as: 'operator', params: id(a.applicationId), body: { version: 2 } });
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE']);
    expect((await invoke(withdraw, { as: B.as, params: id(a.applicationId) })).status).toBe(409);
  });

  it('makes the approved applicant a provider of the new organisation, with or without the Provider-Id header', async () => {
    const p = await newPerson();
    const a = await applied(p.as, { companyName: '杭州新入驻科技有限公司' });
    // before approval: no membership, not a provider
    expect((await invoke(listOwnProducts, { as: p.as })).status).toBe(403);
    const { providerId } = must(await invoke(approve, { as: 'operator', params: id(a.applicationId), body: { version: a.version } }), 200);
    expect(providerId).not.toBe(p.id);

    // the next request already acts for it: the sole membership, or the organisation named
    expect(must(await invoke(listOwnProducts, { as: p.as }), 200).items).toEqual([]);
    expect(must(await invoke(listOwnProducts, { as: p.as, headers: { 'provider-id': providerId } }), 200).items).toEqual([]);
    // an organisation they are not in
    expect((await invoke(listOwnProducts, { as: p.as, headers: { 'provider-id': user('provider').id } })).status).toBe(404);

    const made = must(await invoke(createProduct, { as: p.as, body: productContent({ name: '新入驻的运维服务' }) }), 201);
    expect(made.providerId).toBe(providerId);
    expect(await readItem(keys.product(made.productId))).toMatchObject({ providerId });
    const named = must(await invoke(createProduct, { as: p.as, headers: { 'provider-id': providerId }, body: productContent() }), 201);
    expect(named.providerId).toBe(providerId);
    const mine = must(await invoke(listOwnProducts, { as: p.as }), 200);
    expect(mine.items.map((i: { productId: string }) => i.productId).sort()).toEqual([made.productId, named.productId].sort());
    // and nobody else sees them as theirs
    const theirs = must(await invoke(listOwnProducts, { as: 'provider', query: { limit: '100' } }), 200);
    expect(theirs.items.map((i: { productId: string }) => i.productId)).not.toContain(made.productId);
  });

  it('rejects with a reason; the applicant edits and resubmits; a stale version is never approved', async () => {
    const a = await applied(A.as);
    const noReason = await invoke(reject, { as: 'operator', params: id(a.applicationId), body: { version: a.version } });
    expect([noReason.status, paths(noReason.body)]).toEqual([400, ['reason']]);
    const noVersion = await invoke(approve, { as: 'operator', params: id(a.applicationId), body: {} });
    expect([noVersion.status, paths(noVersion.body)]).toEqual([400, ['version']]);
    const rejected = must(await invoke(reject, { as: 'operator', params: id(a.applicationId), body: { version: 1, reason: '营业执照不清晰' } }), 200);
    expect(rejected).toMatchObject({ status: 'rejected', reason: '营业执照不清晰', version: 2, statusLabel: { zh: '已驳回' } });
    const seen = must(await invoke(getOne, { as: A.as, params: id(a.applicationId) }), 200);
    expect(seen.reason).toBe('营业执照不清晰');
    // the operator cannot approve what was rejected
    expect((await invoke(approve, { as: 'operator', params: id(a.applicationId), body: { version: 2 } })).status).toBe(409);
    const newLicence = await uploadedLicence(A.as, Buffer.from('\x89PNG clear scan'), 'image/png', '营业执照.png');
    const edited = must(await invoke(edit, { as: A.as, params: id(a.applicationId), body: { licence: newLicence, contactName: '李四' } }), 200);
    expect(edited).toMatchObject({ status: 'pending', version: 3, contactName: '李四', licence: { licenceId: newLicence, contentType: 'image/png' } });
    expect(edited.reason).toBeUndefined();
    expect(Date.parse(edited.submittedAt)).toBeGreaterThan(Date.parse(a.submittedAt));
    const stale = await invoke(approve, { as: 'operator', params: id(a.applicationId), body: { version: 2 } });
    expect([stale.status, stale.body.code, stale.body.currentVersion]).toEqual([409, 'VERSION_CONFLICT', 3]);
    const approved = must(await invoke(approve, { as: 'operator', params: id(a.applicationId), body: { version: 3 } }), 200);
    expect(approved.decisions.map((d: any) => d.decision)).toEqual(['rejected', 'approved']);
    expect(await readItem(keys.organisation(approved.providerId))).toMatchObject({ contact: { name: '李四' } });
  });

  it('lets the applicant withdraw while pending, and nothing after', async () => {
    const a = await applied(A.as);
    const w = must(await invoke(withdraw, { as: A.as, params: id(a.applicationId) }), 200);
    expect(w).toMatchObject({ status: 'withdrawn', version: 2 });
    expect((await readItem(keys.application(a.applicationId)))!.GSI2PK).toBe('APPLICATIONS#withdrawn');
    const twice = await invoke(withdraw, { as: A.as, params: id(a.applicationId) });
    expect([twice.status, twice.body.code, twice.body.currentStatus]).toEqual([409, 'INVALID_STATE', 'withdrawn']);
    expect((await invoke(edit, { as: A.as, params: id(a.applicationId), body: { contactName: '王五' } })).status).toBe(409);
    expect((await invoke(approve, { as: 'operator', params: id(a.applicationId), body: { version: 2 } })).status).toBe(409);
  });

  it('answers 404 for someone else’s application, and lets operators read it and its licence', async () => {
    const a = await applied(A.as);
    for (const res of [
      await invoke(getOne, { as: B.as, params: id(a.applicationId) }),
      await invoke(edit, { as: B.as, params: id(a.applicationId), body: { contactName: '王五' } }),
      await invoke(withdraw, { as: B.as, params: id(a.applicationId) }),
      await invoke(licence, { as: B.as, params: id(a.applicationId) }),
      await invoke(getOne, { as: A.as, params: id('01ARZ3NDEKTSV4RRFFQ69G5FAV') }),
    ]) {
      expect(res.status).toBe(404);
    }
    expect(must(await invoke(mine, { as: B.as }), 200).items.map((x: any) => x.applicationId)).not.toContain(a.applicationId);
    expect((await invoke(getOne, { as: 'operator', params: id(a.applicationId) })).status).toBe(200);
    const download = await invoke(licence, { as: 'operator', params: id(a.applicationId) });
    expect(download.status).toBe(302);
    const file = await fetch(download.headers.location);
    expect(await file.text()).toBe(PDF);
    const link = await invoke(licence, { as: A.as, params: id(a.applicationId), headers: { accept: 'application/json' } });
    expect(link.status).toBe(200);
    expect(link.body.url).toContain(`verified/licences/${a.licence.licenceId}/`);
    // a non-operator may not read the queue or decide
    expect((await invoke(queue, { as: A.as })).status).toBe(403);
    expect((await invoke(approve, { as: B.as, params: id(a.applicationId), body: { version: 1 } })).status).toBe(403);
  });

  it('refuses an operator deciding their own application: 403 CONFLICT_OF_INTEREST', async () => {
    const a = await applied('operatorBuyer');
    const res = await invoke(approve, { as: 'operatorBuyer', params: id(a.applicationId), body: { version: 1 } });
    expect([res.status, res.body.code]).toEqual([403, 'CONFLICT_OF_INTEREST']);
    const r = await invoke(reject, { as: 'operatorBuyer', params: id(a.applicationId), body: { version: 1, reason: '自己' } });
    expect([r.status, r.body.code]).toEqual([403, 'CONFLICT_OF_INTEREST']);
  });

  it('lists the queue by status, oldest submission first, with a cursor', async () => {
    const first = await applied(A.as);
    const second = await applied(B.as);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = must(await invoke(queue, { as: 'operator', query: { limit: '2', ...(cursor ? { cursor } : {}) } }), 200);
      expect(page.items.every((x: any) => x.status === 'pending')).toBe(true);
      ids.push(...page.items.map((x: any) => x.applicationId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids.indexOf(first.applicationId)).toBeLessThan(ids.indexOf(second.applicationId));
    const bad = await invoke(queue, { as: 'operator', query: { status: 'approved', cursor: 'bm90LWEtY3Vyc29y' } });
    expect(bad.status).toBe(400);
  });
});

describe('telling the applicant (provider.application_decided)', () => {
  it('makes each decision a domain event from its timeline entry, and a notice in the applicant’s inbox in their language', async () => {
    const a = await applied(B.as, { companyName: '成都青松信息技术有限公司' });
    must(await invoke(reject, { as: 'operator', params: id(a.applicationId), body: { version: 1, reason: '联系电话无法接通' } }), 200);
    must(await invoke(edit, { as: B.as, params: id(a.applicationId), body: { contactPhone: '13900001111' } }), 200);
    const approved = must(await invoke(approve, { as: 'operator', params: id(a.applicationId), body: { version: 3 } }), 200);
    const entries = (await readPartition(keys.application(a.applicationId).PK)).filter((i) => i.type === 'timeline');
    const events = entries.map((e) => eventOfTimelineEntry(e));
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ decision: 'rejected', applicantId: B.id, companyName: '成都青松信息技术有限公司', detail: { reason: '联系电话无法接通' } }),
      expect.objectContaining({ decision: 'approved', providerId: approved.providerId, detail: {} }),
    ]);
    for (const e of events) {
      expect(EVENT_CONTRACTS['provider.application_decided'].safeParse(e).success).toBe(true);
      expect(await notifyInboxes(e)).toBe('notified');
      // a redelivered event notifies nobody twice
      await notifyInboxes(e);
    }
    const zh = must(await invoke(listNotifications, { as: B.as, headers: { 'accept-language': 'zh-CN' } }), 200);
    const mineOnly = zh.items.filter((n: any) => n.applicationId === a.applicationId);
    expect(mineOnly.map((n: any) => [n.type, n.title])).toEqual([
      ['application-approved', '服务商入驻申请已通过'],
      ['application-rejected', '服务商入驻申请被驳回'],
    ]);
    expect(mineOnly[1].body).toContain('联系电话无法接通');
    const en = must(await invoke(listNotifications, { as: B.as, headers: { 'accept-language': 'en' } }), 200);
    expect(en.items.find((n: any) => n.applicationId === a.applicationId && n.type === 'application-approved').title).toBe('Provider application approved');
  });

  it('mails each decision to the applicant whatever their email preferences, once however often the event comes', async () => {
    const a = await applied(A.as, { companyName: '武汉长江智算科技有限公司' });
    must(await invoke(reject, { as: 'operator', params: id(a.applicationId), body: { version: 1, reason: '经营范围不符' } }), 200);
    const [event] = (await readPartition(keys.application(a.applicationId).PK)).filter((i) => i.type === 'timeline').map((e) => eventOfTimelineEntry(e));
    const deliver = () =>
      asFunction(emailConsumer, () =>
        emailConsumer(invocationOf({ Source: 'marketplace.providers', DetailType: event.type, Detail: JSON.stringify(event) }), lambdaContext()),
      );
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await deliver()).toMatchObject({ sent: 0, repeated: 1 });
    const mails = (await mailsTo(A.email)).filter((m) => m.body.text?.includes('武汉长江智算科技有限公司'));
    expect(mails).toHaveLength(1);
    expect(mails[0].body.text).toContain('经营范围不符');
    expect(mails[0].body.html).toContain('/apply');
  });
});

describe('one organisation per credit code', () => {
  it('approving two applications of one code at once makes exactly one organisation; the other answers 409', async () => {
    const creditCode = freshCreditCode();
    const a = await applied(A.as, { creditCode, companyName: '重复代码甲公司' });
    const b = await applied(B.as, { creditCode, companyName: '重复代码乙公司' });
    const answers = await Promise.all([a, b].map((x) => invoke(approve, { as: 'operator', params: id(x.applicationId), body: { version: 1 } })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = answers.find((r) => r.status === 200)!.body;
    const lost = answers.find((r) => r.status === 409)!.body;
    expect(['CREDIT_CODE_TAKEN', 'CONCURRENT_UPDATE']).toContain(lost.code);
    expect(await readItem(keys.creditCode(creditCode))).toMatchObject({ providerId: won.providerId, applicationId: won.applicationId });
    const loser = [a, b].find((x) => x.applicationId !== won.applicationId)!;
    // the loser stays pending with no organisation; approving it again is refused by the guard
    expect(must(await invoke(getOne, { as: 'operator', params: id(loser.applicationId) }), 200)).toMatchObject({ status: 'pending', version: 1 });
    const retry = await invoke(approve, { as: 'operator', params: id(loser.applicationId), body: { version: 1 } });
    expect([retry.status, retry.body.code]).toEqual([409, 'CREDIT_CODE_TAKEN']);
    // and a new application for the code is refused at the door
    const third = await invoke(submit, { as: A.as, body: applicationBody(await uploadedLicence(A.as), { creditCode }) });
    expect([third.status, third.body.code]).toEqual([409, 'CREDIT_CODE_TAKEN']);
    // as is editing an application to take it
    const c = await applied(A.as);
    const taken = await invoke(edit, { as: A.as, params: id(c.applicationId), body: { creditCode } });
    expect([taken.status, taken.body.code]).toEqual([409, 'CREDIT_CODE_TAKEN']);
  });
});

describe('the demo seed', () => {
  it('leaves one pending application with its licence in the operator’s queue, and keeps it on a second run', async () => {
    const applicantId = newId();
    expect(await seedDemoApplication(applicantId)).toMatch(/^Seeded/);
    const [seeded] = (await listMyApplicationsOf(applicantId, { limit: 10 })).items;
    expect(seeded).toMatchObject({ status: 'pending', companyName: '杭州云帆数据科技有限公司' });
    expect(seeded.licence.verifiedKey).toMatch(/^verified\/licences\//);
    expect(await seedDemoApplication(applicantId)).toMatch(/^Demo application kept/);
    expect((await listMyApplicationsOf(applicantId, { limit: 10 })).items).toHaveLength(1);
  });
});
