import { logger } from '../../observability/logger';
import type { Role, User } from '../auth';
import { msg } from '../../i18n';
import { ForbiddenError } from '../errors';
import { stateOf, type HttpMiddleware } from './state';

/** Roles allowed to call, 'signed-in' for any authenticated user, 'public' for anyone (the catalogue). */
export type Access = readonly Role[] | 'signed-in' | 'public';

/** Verifies a bearer access token and returns its user (401 or 503 otherwise): `lib/http/auth`'s. */
export type Authenticate = (authorization: string | undefined) => Promise<User>;

/** Who calls: the token's user (401 without a valid one), refused 403 when none of their roles may call. */
export const authentication = (access: Access, authenticate: Authenticate): HttpMiddleware => ({
  before: async (request) => {
    if (access === 'public') return;
    const state = stateOf(request.event);
    const user = await authenticate(state.headers.authorization);
    logger.appendKeys({ userId: user.id });
    if (Array.isArray(access) && !access.some((r) => user.roles.includes(r))) {
      throw new ForbiddenError(msg('detail.rolesOnly', { roles: access }));
    }
    state.user = user;
  },
});
