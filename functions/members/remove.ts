import { route } from '../../lib/http/route';
import { removeMember } from '../../lib/members/repository';
import { memberParams } from '../../lib/members/schemas';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** DELETE /provider/members/{userId} — an administrator removes a member (not the last administrator: 409); 204. */
export const handler = route(
  { access: ['provider'], memberRoles: rolesFor('administer'), idempotent: 'remove-member', params: memberParams },
  async ({ user, params, now }) => {
    await removeMember(providerIdOf(user), params.userId, now);
    return { status: 204, body: undefined };
  },
);
