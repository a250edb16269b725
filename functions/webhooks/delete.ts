import { route } from '../../lib/http/route';
import { deleteWebhook } from '../../lib/webhooks/repository';

/** DELETE /provider/webhook — remove the endpoint; nothing more is sent, the delivery log stays. */
export const handler = route({ access: ['provider'], idempotent: 'delete-webhook' }, async ({ user }) => {
  await deleteWebhook(user.id);
  return { status: 204 };
});
