import { ok, route } from '../../lib/http/route';
import { listInvitations } from '../../lib/members/repository';
import { invitationsQuery } from '../../lib/members/schemas';
import { toInvitationView } from '../../lib/members/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** GET /provider/invitations — the organisation's pending invitations that have not expired, soonest to expire first. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('administer'), query: invitationsQuery }, async ({ user, query, now }) => {
  const page = await listInvitations(providerIdOf(user), query, now);
  return ok({ items: page.items.map(toInvitationView), nextCursor: page.nextCursor });
});
