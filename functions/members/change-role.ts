import { ok, route } from '../../lib/http/route';
import { changeMemberRole } from '../../lib/members/repository';
import { changeRoleBody, memberParams } from '../../lib/members/schemas';
import { toMemberView } from '../../lib/members/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** PATCH /provider/members/{userId} — an administrator changes a member's role; the last administrator stays one (409). */
export const handler = route(
  { access: ['provider'], memberRoles: rolesFor('administer'), idempotent: 'change-member-role', params: memberParams, body: changeRoleBody },
  async ({ user, params, body, now }) => ok(toMemberView(await changeMemberRole(providerIdOf(user), params.userId, body.role, now))),
);
