import { createHash, randomBytes } from 'node:crypto';
import type { MemberRole } from '../providers/roles';

/** An invitation is valid this long (spec 2.1: seven days). */
export const INVITATION_DAYS = 7;
/** The record stays this long after it expires, to explain a late click (410), then TTL removes it. */
export const INVITATION_KEEP_DAYS = 30;

const DAY_MS = 86_400_000;

/** A token as issued: 32 random bytes, base64url (43 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** An invitation's id: the SHA-256 of its token, base64url (43 characters). */
export const INVITATION_ID_PATTERN = TOKEN_PATTERN;

/** The SHA-256 of a token, base64url: the only form in which a token is stored (the invitation's key and id). */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('base64url');

/** A new invitation token and its hash; the token goes into the email only. */
export const newInvitationToken = () => {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
};

/** When an invitation made at `now` expires, and when its record may be removed (epoch seconds, TTL). */
export const invitationTimes = (now: Date) => {
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
  return { expiresAt: expiresAt.toISOString(), ttl: Math.floor((expiresAt.getTime() + INVITATION_KEEP_DAYS * DAY_MS) / 1000) };
};

export type InvitationStatus = 'pending' | 'accepted' | 'revoked';

/** Why an invitation cannot be accepted at `now`: used, revoked or expired; undefined when it can. */
export const invitationRefusal = (inv: { status: InvitationStatus; expiresAt: string }, now: Date): 'used' | 'revoked' | 'expired' | undefined => {
  if (inv.status === 'accepted') return 'used';
  if (inv.status === 'revoked') return 'revoked';
  if (Date.parse(inv.expiresAt) <= now.getTime()) return 'expired';
  return undefined;
};

/** Email addresses compare without case (the user pool keeps them as typed). */
export const sameEmail = (a: string | undefined, b: string | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * How the organisation's count of administrators moves when a member's role goes from `from` to `to`
 * (`undefined`: joining or leaving). A change that lowers it is conditioned on `admins > 1`.
 */
export const adminsDelta = (from: MemberRole | undefined, to: MemberRole | undefined): -1 | 0 | 1 => {
  const was = from === 'admin';
  const is = to === 'admin';
  return was === is ? 0 : is ? 1 : -1;
};
