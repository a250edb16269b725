import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adminsDelta, hashToken, INVITATION_DAYS, invitationRefusal, invitationTimes, newInvitationToken, sameEmail, TOKEN_PATTERN } from '../../lib/members/model';
import { MEMBER_ROLES } from '../../lib/providers/roles';

describe('members and invitations: the rules', () => {
  it('issues 32 random bytes as base64url and keeps only their SHA-256', () => {
    const a = newInvitationToken();
    const b = newInvitationToken();
    expect(a.token).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toBe(a.token);
    expect(a.token).not.toBe(b.token);
    // the hash is the id an administrator revokes by: hashing it again is no token
    expect(hashToken(a.hash)).not.toBe(a.hash);
  });

  it('an invitation is valid seven days, then kept a while to explain a late click', () => {
    const now = new Date('2026-12-02T12:00:00.000Z');
    const { expiresAt, ttl } = invitationTimes(now);
    expect(expiresAt).toBe('2026-12-09T12:00:00.000Z');
    expect(ttl * 1000).toBeGreaterThan(Date.parse(expiresAt));
    expect(INVITATION_DAYS).toBe(7);
    const pending = { status: 'pending' as const, expiresAt };
    expect(invitationRefusal(pending, now)).toBeUndefined();
    expect(invitationRefusal(pending, new Date(expiresAt))).toBe('expired');
    expect(invitationRefusal({ ...pending, status: 'accepted' }, now)).toBe('used');
    expect(invitationRefusal({ ...pending, status: 'revoked' }, now)).toBe('revoked');
  });

  it('compares email addresses without case or surrounding space', () => {
    expect(sameEmail('Zhang@Example.com ', 'zhang@example.com')).toBe(true);
    expect(sameEmail('a@example.com', 'b@example.com')).toBe(false);
    expect(sameEmail(undefined, 'a@example.com')).toBe(false);
  });

  it('moves the count of administrators by exactly what a role change, a join or a removal does', () => {
    const role = fc.constantFrom(...MEMBER_ROLES, undefined);
    fc.assert(
      fc.property(role, role, (from, to) => {
        const expected = (to === 'admin' ? 1 : 0) - (from === 'admin' ? 1 : 0);
        expect(adminsDelta(from, to)).toBe(expected);
      }),
    );
  });
});
