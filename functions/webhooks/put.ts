import { config } from '../../lib/config';
import { ok, route } from '../../lib/http/route';
import { findRecord, idempotencyOf, keptOf, recordReply, replay } from '../../lib/shared/idempotency';
import { openSecret, putWebhook } from '../../lib/webhooks/repository';
import { putWebhookBody, type WebhookSecretView } from '../../lib/webhooks/schemas';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/**
 * PUT /provider/webhook — register the endpoint; answers the signing secret, which a new PUT rotates. A retry
 * with the same Idempotency-Key answers the same secret: its recorded answer holds the secret sealed, as the
 * endpoint's item does, and it is opened only to answer the retry.
 */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('administer'), body: putWebhookBody }, async ({ user, body, now, idempotencyKey }) => {
  const scope = idempotencyOf({ user, idempotencyKey, body }, 'put-webhook');
  const recorded = scope && replay(await findRecord(scope), scope, now);
  if (recorded) {
    const answer = recorded.reply.body as WebhookSecretView;
    // an answer recorded before secrets were sealed holds the secret itself (for a day at most: the record's TTL)
    const secret = answer.secret.startsWith('whsec_') ? answer.secret : await openSecret(providerIdOf(user), answer.secret);
    return { ...recorded.reply, body: { ...answer, secret } };
  }
  const { webhook, secret } = await putWebhook(providerIdOf(user), body.url, now, config.webhookAllowLoopback, body.enabled);
  const answer = { url: webhook.url, secret, enabled: webhook.enabled } satisfies WebhookSecretView;
  if (scope) await recordReply(scope, keptOf(ok({ ...answer, secret: webhook.sealedSecret })), now);
  return ok(answer);
});
