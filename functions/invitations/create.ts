import { config } from '../../lib/config';
import { created, route } from '../../lib/http/route';
import { sendMail } from '../../lib/mail';
import { invitationMail } from '../../lib/mail/templates/invitation';
import { createInvitation } from '../../lib/members/repository';
import { inviteBody } from '../../lib/members/schemas';
import { toInvitationView } from '../../lib/members/views';
import { rolesFor } from '../../lib/providers/roles';

/**
 * POST /provider/invitations — an administrator invites by email with a role: the invitation is stored by its
 * token's hash and the token goes out in the email alone; if the mail cannot be sent nothing stays (503).
 */
export const handler = route(
  { access: ['provider'], memberRoles: rolesFor('administer'), idempotent: 'invite-member', body: inviteBody },
  async ({ user, body, headers, now }) => {
    const acting = user.provider!;
    const locale = body.locale ?? (/^\s*en/i.test(headers['accept-language'] ?? '') ? 'en-US' : 'zh-CN');
    const invitation = await createInvitation(acting, body, user.id, now, (token, inv) =>
      sendMail({
        to: inv.email,
        locale,
        template: invitationMail,
        data: { organisationName: inv.organisationName, role: inv.role, url: `${config.consoleUrl}/invitations/${token}`, expiresAt: inv.expiresAt },
      }),
      config.rateLimits.invitations,
    );
    return created(toInvitationView(invitation));
  },
);
