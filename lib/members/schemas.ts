import { z } from 'zod';
import { MAIL_LOCALES } from '../mail/template';
import { pageOf, pageParams } from '../shared/pagination';
import { fieldMessage, msg } from '../i18n';
import { MEMBER_ROLES, memberRoleSchema } from '../providers/roles';
import { INVITATION_ID_PATTERN, TOKEN_PATTERN } from './model';

/** A person's id as Cognito issues it (`sub`). */
export const memberParams = z.object({ userId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, fieldMessage(msg('field.notUserId'))) });
export const invitationIdParams = z.object({ invitationId: z.string().regex(INVITATION_ID_PATTERN) });
/** The token of an invitation link; anything else is no invitation (404, like any path id). */
export const invitationTokenParams = z.object({ token: z.string().regex(TOKEN_PATTERN) });

export const membersQuery = z.object(pageParams);
export const invitationsQuery = z.object(pageParams);

export const changeRoleBody = z.object({ role: memberRoleSchema });
export const inviteBody = z.object({
  email: z.string().trim().max(254).email(),
  role: memberRoleSchema,
  /** The invitation email's language; by default the language the request asks for (Accept-Language). */
  locale: z.enum(MAIL_LOCALES).optional(),
});
export type InviteBody = z.infer<typeof inviteBody>;

const roleLabel = z.string().meta({ description: 'the role in Chinese, as the console shows it (管理员, 商品管理, 交付, 财务, 客服)' });

export const memberView = z
  .object({
    userId: z.string(),
    displayName: z.string(),
    email: z.string(),
    role: z.enum(MEMBER_ROLES),
    roleLabel,
    joinedAt: z.string(),
  })
  .meta({ id: 'Member' });
export type MemberView = z.infer<typeof memberView>;
export const memberPage = pageOf(memberView).meta({ id: 'MemberPage' });

export const invitationView = z
  .object({
    invitationId: z.string().meta({ description: 'the SHA-256 of the token (the token itself is only in the email)' }),
    email: z.string(),
    role: z.enum(MEMBER_ROLES),
    roleLabel,
    status: z.enum(['pending', 'accepted', 'revoked']),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invitation' });
export type InvitationView = z.infer<typeof invitationView>;
export const invitationPage = pageOf(invitationView).meta({ id: 'InvitationPage' });

export const membershipView = z
  .object({ providerId: z.string(), organisationName: z.string(), role: z.enum(MEMBER_ROLES), roleLabel, joinedAt: z.string() })
  .meta({ id: 'Membership' });
export type MembershipView = z.infer<typeof membershipView>;
