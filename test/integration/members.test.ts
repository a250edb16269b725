import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as accept } from '../../functions/invitations/accept';
import { handler as invite } from '../../functions/invitations/create';
import { handler as listInvitations } from '../../functions/invitations/list';
import { handler as revoke } from '../../functions/invitations/revoke';
import { handler as changeRole } from '../../functions/members/change-role';
import { handler as listMembers } from '../../functions/members/list';
import { handler as removeMember } from '../../functions/members/remove';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { createInvitation } from '../../lib/members/repository';
import { hashToken } from '../../lib/members/model';
import { profileItem } from '../../lib/people/items';
import { membershipItem, organisationItem } from '../../lib/providers/items';
import type { MemberRole } from '../../lib/providers/roles';
import { readItem } from '../support/db';
import { invoke } from '../support/http';
import { mailsTo, waitForMails } from '../support/mail';
import { must } from '../support/products';
import { mintToken } from '../support/tokens';

interface Person {
  id: string;
  email: string;
  as: { token: string };
}

/** A signed-in person with a profile (what GET /me makes on first read), not in any organisation yet. */
const person = async (name = '成员'): Promise<Person> => {
  const id = randomUUID();
  const email = `${id.slice(0, 8)}@members.test.example`;
  const at = new Date().toISOString();
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: profileItem.item({ userId: id, email, displayName: name, locale: 'zh-CN', emailPreferences: [], createdAt: at, updatedAt: at }),
    }),
  );
  return { id, email, as: { token: mintToken({ sub: id, 'cognito:groups': [] }) } };
};

const join = async (p: Person, providerId: string, role: MemberRole, organisationName: string) => {
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: membershipItem.item({ userId: p.id, providerId, role, organisationName, displayName: '成员', email: p.email, joinedAt: new Date().toISOString() }),
    }),
  );
};

/** An organisation of its own with one administrator (what an approved application makes). */
const organisation = async (adminCount = 1) => {
  const admin = await person('管理员');
  const providerId = randomUUID();
  const name = `成员测试 ${providerId.slice(0, 6)}`;
  const at = new Date().toISOString();
  await ddb.send(new PutCommand({ TableName: tableName, Item: organisationItem.item({ providerId, name, status: 'active', admins: adminCount, createdAt: at, updatedAt: at }) }));
  await join(admin, providerId, 'admin', name);
  return { providerId, name, admin };
};

const admins = async (providerId: string) => (await readItem(keys.organisation(providerId)))!.admins;

/** The token of the newest invitation email to `email`, read from the SES emulator as a person would. */
const tokenMailedTo = async (email: string, count = 1) => {
  const mails = await waitForMails(email, count);
  const link = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mails.at(-1)!.body.text ?? '');
  if (!link) throw new Error(`no invitation link in ${JSON.stringify(mails.at(-1))}`);
  return { token: link[1], mail: mails.at(-1)! };
};

describe('members and invitations (成员管理)', () => {
  it('invites by email, the invitee accepts with the emailed link and joins with the role; the token is stored nowhere', async () => {
    const org = await organisation();
    const invitee = await person('新同事');
    const res = await invoke(invite, { as: org.admin.as, body: { email: invitee.email.toUpperCase(), role: 'delivery' }, headers: { 'idempotency-key': 'invite-1' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: invitee.email, role: 'delivery', roleLabel: '交付', status: 'pending' });
    const { token, mail } = await tokenMailedTo(invitee.email);
    expect(mail.subject).toBe(`邀请您加入「${org.name}」`);
    expect(mail.body.html).toContain(`/invitations/${token}`);
    expect(mail.body.text).toContain('交付');
    // the answer and the item hold the hash, never the token
    expect(JSON.stringify(res.body)).not.toContain(token);
    expect(res.body.invitationId).toBe(hashToken(token));
    const stored = await readItem(keys.invitation(hashToken(token)));
    expect(JSON.stringify(stored)).not.toContain(token);
    // a retry with the same key answers the same invitation and sends no second email
    const again = await invoke(invite, { as: org.admin.as, body: { email: invitee.email.toUpperCase(), role: 'delivery' }, headers: { 'idempotency-key': 'invite-1' } });
    expect(again.body.invitationId).toBe(res.body.invitationId);
    expect(await mailsTo(invitee.email)).toHaveLength(1);
    const pending = must(await invoke(listInvitations, { as: org.admin.as }), 200);
    expect(pending.items.map((i: any) => i.invitationId)).toEqual([res.body.invitationId]);

    // the invitee is no provider before accepting
    expect((await invoke(listMembers, { as: invitee.as })).status).toBe(403);
    const joined = await invoke(accept, { as: invitee.as, params: { token } });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ providerId: org.providerId, organisationName: org.name, role: 'delivery' });
    const team = must(await invoke(listMembers, { as: invitee.as }), 200);
    expect(team.items.map((m: any) => [m.email, m.role])).toEqual([
      [org.admin.email, 'admin'],
      [invitee.email, 'delivery'],
    ]);
    // single use, and gone from the pending list
    const reused = await invoke(accept, { as: invitee.as, params: { token } });
    expect([reused.status, reused.body.code]).toEqual([410, 'INVITATION_USED']);
    expect(must(await invoke(listInvitations, { as: org.admin.as }), 200).items).toEqual([]);
    // already a member: a new invitation is refused
    const twice = await invoke(invite, { as: org.admin.as, body: { email: invitee.email, role: 'finance' } });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_MEMBER']);
    // a member who is not an administrator may read the team but not invite
    const forbidden = await invoke(invite, { as: invitee.as, body: { email: 'x@test.example', role: 'finance' } });
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'MEMBER_ROLE_FORBIDDEN']);
  });

  it('refuses a revoked, an expired, an unknown invitation and another email’s account; revoking is the organisation’s own', async () => {
    const org = await organisation();
    const other = await organisation();
    const invitee = await person();
    const stranger = await person();
    must(await invoke(invite, { as: org.admin.as, body: { email: invitee.email, role: 'support' }, headers: { 'accept-language': 'en-US' } }), 201);
    const { token, mail } = await tokenMailedTo(invitee.email);
    expect(mail.subject).toBe(`Invitation to join “${org.name}”`);
    const mismatch = await invoke(accept, { as: stranger.as, params: { token } });
    expect([mismatch.status, mismatch.body.code]).toEqual([403, 'INVITATION_EMAIL_MISMATCH']);
    const invitationId = hashToken(token);
    expect((await invoke(revoke, { as: other.admin.as, params: { invitationId } })).status).toBe(404);
    must(await invoke(revoke, { as: org.admin.as, params: { invitationId } }), 200);
    const revoked = await invoke(accept, { as: invitee.as, params: { token } });
    expect([revoked.status, revoked.body.code]).toEqual([410, 'INVITATION_REVOKED']);
    expect((await invoke(revoke, { as: org.admin.as, params: { invitationId } })).status).toBe(409);
    expect((await invoke(accept, { as: invitee.as, params: { token: 'A'.repeat(43) } })).body.code).toBe('INVITATION_NOT_FOUND');
    expect((await invoke(accept, { as: invitee.as, params: { token: 'short' } })).status).toBe(404);

    // an invitation made eight days ago has expired
    let old = '';
    await createInvitation({ providerId: org.providerId, organisationName: org.name }, { email: invitee.email, role: 'finance' }, org.admin.id, new Date(Date.now() - 8 * 86_400_000), async (t) => {
      old = t;
    });
    const expired = await invoke(accept, { as: invitee.as, params: { token: old } });
    expect([expired.status, expired.body.code]).toEqual([410, 'INVITATION_EXPIRED']);
    expect(must(await invoke(listInvitations, { as: org.admin.as }), 200).items).toEqual([]);
  });

  it('keeps nothing when the invitation email cannot be sent', async () => {
    const org = await organisation();
    let hash = '';
    await expect(
      createInvitation({ providerId: org.providerId, organisationName: org.name }, { email: 'down@test.example', role: 'finance' }, org.admin.id, new Date(), async (t) => {
        hash = hashToken(t);
        expect(await readItem(keys.invitation(hash))).toBeDefined();
        throw new Error('mail down');
      }),
    ).rejects.toThrow('mail down');
    expect(await readItem(keys.invitation(hash))).toBeUndefined();
  });

  it('limits the invitations an administrator sends per window (429), writing and mailing nothing past it', async () => {
    const org = await organisation();
    const rule = { name: 'invitations' as const, limit: 1, windowSeconds: 3600 };
    const sent: string[] = [];
    const send = async (t: string) => void sent.push(t);
    const at = new Date();
    await createInvitation({ providerId: org.providerId, organisationName: org.name }, { email: 'one@test.example', role: 'finance' }, org.admin.id, at, send, rule);
    await expect(
      createInvitation({ providerId: org.providerId, organisationName: org.name }, { email: 'two@test.example', role: 'finance' }, org.admin.id, at, send, rule),
    ).rejects.toMatchObject({ status: 429, code: 'THROTTLED' });
    expect(sent).toHaveLength(1);
  });

  it('changes roles and removes members under the last-administrator rule; a removed member is refused on the next request', async () => {
    const org = await organisation();
    const member = await person();
    await join(member, org.providerId, 'products', org.name);
    // the last administrator can be neither demoted nor removed
    const demote = await invoke(changeRole, { as: org.admin.as, params: { userId: org.admin.id }, body: { role: 'finance' } });
    expect([demote.status, demote.body.code]).toEqual([409, 'LAST_ADMIN']);
    const leave = await invoke(removeMember, { as: org.admin.as, params: { userId: org.admin.id } });
    expect([leave.status, leave.body.code]).toEqual([409, 'LAST_ADMIN']);
    // a member who is not an administrator changes nothing; someone else's member is 404
    expect((await invoke(changeRole, { as: member.as, params: { userId: member.id }, body: { role: 'admin' } })).body.code).toBe('MEMBER_ROLE_FORBIDDEN');
    const stranger = await organisation();
    expect((await invoke(changeRole, { as: org.admin.as, params: { userId: stranger.admin.id }, body: { role: 'finance' } })).status).toBe(404);
    expect((await invoke(removeMember, { as: org.admin.as, params: { userId: stranger.admin.id } })).status).toBe(404);
    // promote, then the first administrator may step down
    expect(must(await invoke(changeRole, { as: org.admin.as, params: { userId: member.id }, body: { role: 'admin' } }), 200)).toMatchObject({ role: 'admin', roleLabel: '管理员' });
    expect(await admins(org.providerId)).toBe(2);
    must(await invoke(changeRole, { as: org.admin.as, params: { userId: org.admin.id }, body: { role: 'delivery' } }), 200);
    expect(await admins(org.providerId)).toBe(1);
    // the remaining administrator removes the other: refused on their very next request
    expect((await invoke(listMembers, { as: org.admin.as })).status).toBe(200);
    const removed = await invoke(removeMember, { as: member.as, params: { userId: org.admin.id } });
    expect(removed.status).toBe(204);
    expect((await invoke(listMembers, { as: org.admin.as })).status).toBe(403);
    expect(await readItem(keys.membership(org.admin.id, org.providerId))).toBeUndefined();
    expect(await admins(org.providerId)).toBe(1);
  });

  it('two administrators demoting each other at once leave exactly one administrator', async () => {
    for (let round = 0; round < 3; round++) {
      const org = await organisation(2);
      const second = await person();
      await join(second, org.providerId, 'admin', org.name);
      const [a, b] = await Promise.all([
        invoke(changeRole, { as: org.admin.as, params: { userId: second.id }, body: { role: 'delivery' } }),
        invoke(changeRole, { as: second.as, params: { userId: org.admin.id }, body: { role: 'delivery' } }),
      ]);
      const statuses = [a.status, b.status].sort();
      // one wins; the other is refused (the last administrator, or a refused member role once demoted)
      expect(statuses[0]).toBe(200);
      expect(statuses[1]).toBeGreaterThanOrEqual(403);
      const team = must(await invoke(listMembers, { as: org.admin.as }), 200);
      expect(team.items.filter((m: any) => m.role === 'admin')).toHaveLength(1);
      expect(await admins(org.providerId)).toBe(1);
    }
  });
});
