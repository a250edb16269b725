import { created, route } from '../../lib/http/route';
import { acceptInvitation } from '../../lib/members/repository';
import { invitationTokenParams } from '../../lib/members/schemas';
import { toMembershipView } from '../../lib/members/views';
import { personWithProfile } from '../../lib/people/repository';

/**
 * POST /invitations/{token}/accept — the invited person, signed in with the invited email's account, joins the
 * organisation: the membership and the consumed invitation in one transaction.
 */
export const handler = route({ access: 'signed-in', idempotent: 'accept-invitation', params: invitationTokenParams }, async ({ user, params, now }) => {
  const { profile } = await personWithProfile(user.id, now);
  const member = await acceptInvitation(params.token, { userId: user.id, email: profile.email, displayName: profile.displayName }, now);
  return created(toMembershipView(member));
});
