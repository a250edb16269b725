import { NotFoundError } from '../../lib/http/errors';
import { ok, route } from '../../lib/http/route';
import { getWebhook } from '../../lib/webhooks/repository';
import { toWebhookView } from '../../lib/webhooks/views';

/** GET /provider/webhook — the registered endpoint and whether it is enabled (never the secret). */
export const handler = route({ access: ['provider'] }, async ({ user }) => {
  const webhook = await getWebhook(user.id);
  if (!webhook) throw new NotFoundError('A webhook endpoint');
  return ok(toWebhookView(webhook));
});
