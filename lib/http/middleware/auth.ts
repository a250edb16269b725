import { logger } from '../../observability/logger';
import type { Role, User } from '../auth';
import { msg } from '../../i18n';
import { loadPerson as readPerson, type Person } from '../../people/person';
import { actingProvider, requireMemberRole } from '../../providers/access';
import type { MemberRole } from '../../providers/roles';
import { ForbiddenError } from '../errors';
import { stateOf, type HttpMiddleware } from './state';

/** Roles allowed to call, 'signed-in' for any authenticated user, 'public' for anyone (the catalogue). */
export type Access = readonly Role[] | 'signed-in' | 'public';

/** Verifies a bearer access token and returns its user (401 or 503 otherwise): `lib/http/auth`'s. */
export type Authenticate = (authorization: string | undefined) => Promise<User>;

export interface MemberRules {
  /** The member roles that may call (the administrator always may); absent: every member (reads). */
  memberRoles?: readonly MemberRole[];
  /**
   * Whether the request acts for one organisation (`user.provider`, from the `Provider-Id` header): by default
   * the routes open to providers alone (`/provider/*`); a route on an object that names its organisation
   * (a rating's reply) says false and checks membership of that organisation itself.
   */
  acting?: boolean;
  /**
   * Whether to read the caller's memberships: by default on routes open to providers; an operator's decision
   * on an organisation's product or order reads them too (separation of duties).
   */
  memberships?: boolean;
  /** Reads the person's memberships (lib/people/person's `loadPerson`; tests give their own). */
  loadPerson?: (sub: string) => Promise<Person>;
}

/** Whether a route's callers have their memberships read: by default the routes open to providers. */
export const readsMemberships = (access: Access) => Array.isArray(access) && access.includes('provider');

/**
 * Who calls: the token's user (401 without a valid one); on routes open to providers (and operators'
 * decisions), their memberships, read from the table on every request (so a removed member is refused on their next one);
 * refused 403 when none of their roles may call. A route acting for one organisation resolves it
 * (`Provider-Id`) and checks the member role.
 */
export const authentication = (access: Access, authenticate: Authenticate, rules: MemberRules = {}): HttpMiddleware => ({
  before: async (request) => {
    if (access === 'public') return;
    const state = stateOf(request.event);
    const user = await authenticate(state.headers.authorization);
    logger.appendKeys({ userId: user.id });
    if (rules.memberships ?? readsMemberships(access)) {
      const { memberships, profile } = await (rules.loadPerson ?? readPerson)(user.id);
      user.memberships = memberships;
      if (profile) user.displayName = profile.displayName;
      user.roles = [...user.roles.filter((r) => r !== 'provider'), ...(memberships.length ? (['provider'] as const) : [])];
    }
    if (Array.isArray(access) && !access.some((r) => user.roles.includes(r))) {
      throw new ForbiddenError(msg('detail.rolesOnly', { roles: access }));
    }
    const acting = rules.acting ?? (Array.isArray(access) && access.length === 1 && access[0] === 'provider');
    if (acting) {
      user.provider = actingProvider(user.memberships ?? [], state.headers['provider-id']);
      requireMemberRole(user.provider.role, rules.memberRoles);
      logger.appendKeys({ providerId: user.provider.providerId });
    }
    state.user = user;
  },
});
