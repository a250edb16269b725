import { config } from '../../lib/config';
import { ValidationError } from '../../lib/http/errors';
import { ok, route } from '../../lib/http/route';
import { UnsafeUrlError, checkWebhookUrl } from '../../lib/webhooks/address';
import { putWebhook } from '../../lib/webhooks/repository';
import { putWebhookBody } from '../../lib/webhooks/schemas';

/** PUT /provider/webhook — register the endpoint; answers the signing secret, which a new PUT rotates. */
export const handler = route({ access: ['provider'], body: putWebhookBody }, async ({ user, body, now }) => {
  const url = await checkWebhookUrl(body.url, config.webhookAllowLoopback).catch((err: unknown) => {
    if (err instanceof UnsafeUrlError) throw new ValidationError([{ path: 'url', message: err.message }]);
    throw err;
  });
  const webhook = await putWebhook(user.id, url.toString(), now);
  return ok({ url: webhook.url, secret: webhook.secret, enabled: webhook.enabled });
});
