import { route } from '../../lib/http/route';
import { deleteWebhook } from '../../lib/webhooks/repository';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** DELETE /provider/webhook — remove the endpoint; nothing more is sent, the delivery log stays. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('administer'), idempotent: 'delete-webhook' }, async ({ user }) => {
  await deleteWebhook(providerIdOf(user));
  return { status: 204 };
});
