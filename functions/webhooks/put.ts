import { config } from '../../lib/config';
import { ok, route } from '../../lib/http/route';
import { putWebhook } from '../../lib/webhooks/repository';
import { putWebhookBody, type WebhookSecretView } from '../../lib/webhooks/schemas';

/** PUT /provider/webhook — register the endpoint; answers the signing secret, which a new PUT rotates. */
export const handler = route({ access: ['provider'], idempotent: 'put-webhook', body: putWebhookBody }, async ({ user, body, now }) => {
  const webhook = await putWebhook(user.id, body.url, now, config.webhookAllowLoopback, body.enabled);
  return ok({ url: webhook.url, secret: webhook.secret, enabled: webhook.enabled } satisfies WebhookSecretView);
});
