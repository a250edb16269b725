import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as getMe } from '../../functions/people/get-me';
import { handler as putMe } from '../../functions/people/put-me';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { membershipItem } from '../../lib/providers/items';
import { newId } from '../../lib/shared/ids';
import { readItem } from '../support/db';
import { invoke } from '../support/http';
import { newPerson } from '../support/people';
import { mintToken } from '../support/tokens';

const get = (as: { token: string }, headers?: Record<string, string>) => invoke(getMe, { as, method: 'GET', path: '/me', headers });
const put = (as: { token: string }, body: unknown, headers?: Record<string, string>) => invoke(putMe, { as, method: 'PUT', path: '/me', body, headers });

const full = { displayName: '张三', phone: '13812345678', locale: 'en-US', emailPreferences: ['complete', 'message'] };

/** A membership as an approval or an accepted invitation writes it. */
const joinOrganisation = async (userId: string, email: string, role: 'admin' | 'delivery', organisationName: string) => {
  const providerId = newId();
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: membershipItem.item({ userId, providerId, role, organisationName, displayName: email.split('@')[0], email, joinedAt: new Date().toISOString() }),
    }),
  );
  return providerId;
};

describe('GET /me', () => {
  it('makes the profile on first read from the pool’s email: local part as display name, Chinese, no organisations', async () => {
    const p = await newPerson();
    const res = await get(p.as);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: p.id, email: p.email, displayName: p.name, locale: 'zh-CN', roles: ['buyer'], organisations: [] });
    expect(res.body.emailPreferences).toContain('complete');
    expect(res.body.emailPreferences).not.toContain('message');
    expect(res.body.phone).toBeUndefined();
    const stored = await readItem(keys.profile(p.id));
    expect(stored).toMatchObject({ type: 'profile', email: p.email, displayName: p.name });
  });

  it('makes one profile when two first reads race', async () => {
    const p = await newPerson();
    const [a, b] = await Promise.all([get(p.as), get(p.as)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.createdAt).toBe(b.body.createdAt);
  });

  it('lists the organisations the person belongs to, with their role, and acts as provider then', async () => {
    const p = await newPerson();
    const first = await joinOrganisation(p.id, p.email, 'admin', '云帆科技');
    const second = await joinOrganisation(p.id, p.email, 'delivery', '星河运维');
    const res = await get(p.as);
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['buyer', 'provider']);
    expect(res.body.organisations).toEqual(
      expect.arrayContaining([
        { providerId: first, name: '云帆科技', role: 'admin' },
        { providerId: second, name: '星河运维', role: 'delivery' },
      ]),
    );
    expect(res.body.organisations).toHaveLength(2);
  });

  it('answers 401 without a token, and 401 for a token of an account the pool no longer has', async () => {
    expect((await invoke(getMe, { method: 'GET', path: '/me' })).status).toBe(401);
    const ghost = await get({ token: mintToken({ sub: `gone-${newId()}`, 'cognito:groups': [] }) });
    expect(ghost.status).toBe(401);
  });
});

describe('PUT /me', () => {
  it('replaces the editable fields; GET answers them; phone null removes the phone', async () => {
    const p = await newPerson();
    const res = await put(p.as, full);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...full, email: p.email, userId: p.id });
    expect((await get(p.as)).body).toMatchObject(full);
    const cleared = await put(p.as, { ...full, phone: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.phone).toBeUndefined();
    expect((await readItem(keys.profile(p.id)))?.phone).toBeUndefined();
    const absent = await put(p.as, { displayName: 'Li', locale: 'zh-CN', emailPreferences: [] });
    expect(absent.body).toMatchObject({ displayName: 'Li', locale: 'zh-CN', emailPreferences: [] });
  });

  it('trims the display name and keeps each email kind once', async () => {
    const p = await newPerson();
    const res = await put(p.as, { ...full, displayName: '  王五  ', emailPreferences: ['urge', 'urge', 'approved'] });
    expect(res.body.displayName).toBe('王五');
    expect(res.body.emailPreferences).toEqual(['urge', 'approved']);
  });

  it.each([
    ['an empty display name', { ...full, displayName: '   ' }, 'displayName'],
    ['a display name of 31 characters', { ...full, displayName: 'x'.repeat(31) }, 'displayName'],
    ['a display name on two lines', { ...full, displayName: 'a\nb' }, 'displayName'],
    ['a display name with a direction override', { ...full, displayName: 'ab\u202ec' }, 'displayName'],
    ['a phone that is not a mainland mobile', { ...full, phone: '12812345678' }, 'phone'],
    ['a phone of 12 digits', { ...full, phone: '138123456789' }, 'phone'],
    ['another locale', { ...full, locale: 'fr-FR' }, 'locale'],
    ['an unknown email kind', { ...full, emailPreferences: ['complete', 'everything'] }, 'emailPreferences.1'],
    ['a missing locale', { displayName: 'x', emailPreferences: [] }, 'locale'],
  ])('answers 400 naming the field for %s', async (_, body, path) => {
    const p = await newPerson();
    const res = await put(p.as, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses an unknown field, in the reader’s language', async () => {
    const p = await newPerson();
    const res = await put(p.as, { ...full, email: 'other@example.com' }, { 'accept-language': 'zh-CN' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('email');
    const phone = await put(p.as, { ...full, phone: '123' }, { 'accept-language': 'zh-CN' });
    expect(phone.body.errors).toEqual([{ path: 'phone', message: '须为中国大陆手机号：以 13–19 开头的 11 位数字' }]);
  });

  it('copies a new display name to every membership of the person, and no one else’s', async () => {
    const p = await newPerson();
    const other = await newPerson();
    const providerId = await joinOrganisation(p.id, p.email, 'admin', '云帆科技');
    const second = await joinOrganisation(p.id, p.email, 'delivery', '星河运维');
    await joinOrganisation(other.id, other.email, 'admin', '别家');
    const res = await put(p.as, { ...full, displayName: '赵六' });
    expect(res.status).toBe(200);
    expect((await readItem(keys.membership(p.id, providerId)))?.displayName).toBe('赵六');
    expect((await readItem(keys.membership(p.id, second)))?.displayName).toBe('赵六');
    expect((await get(other.as)).body.displayName).toBe(other.name);
  });

  it('keeps the last of concurrent changes on the profile and its memberships alike', async () => {
    const p = await newPerson();
    const providerId = await joinOrganisation(p.id, p.email, 'admin', '云帆科技');
    await get(p.as);
    const names = ['甲', '乙', '丙', '丁'];
    const answers = await Promise.all(names.map((displayName) => put(p.as, { ...full, displayName })));
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const profile = await readItem(keys.profile(p.id));
    const membership = await readItem(keys.membership(p.id, providerId));
    expect(names).toContain(profile?.displayName);
    expect(membership?.displayName).toBe(profile?.displayName);
  });

  it('replays the first answer for a repeated Idempotency-Key', async () => {
    const p = await newPerson();
    const key = `me-${newId()}`;
    const first = await put(p.as, full, { 'idempotency-key': key });
    const again = await put(p.as, full, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });
});
