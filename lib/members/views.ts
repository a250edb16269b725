import type { MembershipItem } from '../providers/items';
import { MEMBER_ROLE_LABELS } from '../providers/roles';
import type { Invitation } from './items';
import type { InvitationView, MembershipView, MemberView } from './schemas';

export const toMemberView = (m: MembershipItem): MemberView => ({
  userId: m.userId,
  displayName: m.displayName,
  email: m.email,
  role: m.role,
  roleLabel: MEMBER_ROLE_LABELS[m.role].zh,
  joinedAt: m.joinedAt,
});

/** An invitation as its organisation's administrators see it: never the token. */
export const toInvitationView = (i: Invitation): InvitationView => ({
  invitationId: i.invitationId,
  email: i.email,
  role: i.role,
  roleLabel: MEMBER_ROLE_LABELS[i.role].zh,
  status: i.status,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
});

export const toMembershipView = (m: MembershipItem): MembershipView => ({
  providerId: m.providerId,
  organisationName: m.organisationName,
  role: m.role,
  roleLabel: MEMBER_ROLE_LABELS[m.role].zh,
  joinedAt: m.joinedAt,
});
