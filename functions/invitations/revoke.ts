import { ok, route } from '../../lib/http/route';
import { revokeInvitation } from '../../lib/members/repository';
import { invitationIdParams } from '../../lib/members/schemas';
import { toInvitationView } from '../../lib/members/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** DELETE /provider/invitations/{invitationId} — an administrator revokes a pending invitation; its link answers 410 since. */
export const handler = route(
  { access: ['provider'], memberRoles: rolesFor('administer'), idempotent: 'revoke-invitation', params: invitationIdParams },
  async ({ user, params, now }) => ok(toInvitationView(await revokeInvitation(providerIdOf(user), params.invitationId, now))),
);
