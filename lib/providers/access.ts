import { BadRequestError, DomainError, ForbiddenError, NotFoundError } from '../http/errors';
import { msg } from '../i18n';
import type { Membership } from '../people/person';
import { roleAllows, type MemberRole } from './roles';

/** The request header naming the organisation a `/provider/*` request acts for. */
export const PROVIDER_ID_HEADER = 'Provider-Id';

/** The organisation a provider request acts for, and the person's role in it. */
export type ActingProvider = Membership;

/** 403 `MEMBER_ROLE_FORBIDDEN`: the person's member role may not take the action; names the roles that may. */
export class MemberRoleForbiddenError extends DomainError {
  constructor(allowed: readonly MemberRole[]) {
    super(403, 'MEMBER_ROLE_FORBIDDEN', 'title.forbidden', msg('detail.memberRoleForbidden', { roles: allowed }), { allowedRoles: allowed });
  }
}

/**
 * The organisation a `/provider/*` request acts for (spec 2.1, docs/decisions.md): the one the `Provider-Id`
 * header names (404 when the person is not its member, like any object not theirs); without the header the
 * sole membership; several memberships and no header: 400 naming the header; none at all: 403.
 */
export const actingProvider = (memberships: readonly Membership[], header: string | undefined): ActingProvider => {
  const named = header?.trim();
  if (named) {
    const found = memberships.find((m) => m.providerId === named);
    if (!found) throw new NotFoundError('organisation');
    return found;
  }
  if (memberships.length === 0) throw new ForbiddenError(msg('detail.rolesOnly', { roles: ['provider'] }));
  if (memberships.length > 1) {
    throw new BadRequestError('PROVIDER_ID_REQUIRED', msg('detail.providerIdRequired'), [
      { path: PROVIDER_ID_HEADER, message: msg('field.providerIdRequired') },
    ]);
  }
  return memberships[0];
};

/** Refuses (403 MEMBER_ROLE_FORBIDDEN) a member whose role is not among `allowed` (the administrator always may). */
export const requireMemberRole = (role: MemberRole, allowed: readonly MemberRole[] | undefined) => {
  if (!roleAllows(role, allowed)) throw new MemberRoleForbiddenError(allowed!);
};

/** The organisation's id a provider request acts for; a route that acts for none has a bug, not a client. */
export const providerIdOf = (user: { provider?: ActingProvider }): string => {
  if (!user.provider) throw new Error('this request acts for no organisation: its route must include `provider` in its access');
  return user.provider.providerId;
};

/** Whether the person is a member of the organisation (any role). */
export const isMemberOf = (user: { memberships?: readonly Pick<Membership, 'providerId'>[] }, providerId: string) =>
  (user.memberships ?? []).some((m) => m.providerId === providerId);

/** The person's role in the organisation, when a member. */
export const memberRoleIn = (user: { memberships?: readonly Membership[] }, providerId: string): MemberRole | undefined =>
  user.memberships?.find((m) => m.providerId === providerId)?.role;
