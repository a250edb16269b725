import { ok, route } from '../../lib/http/route';
import { getOwnWebhook } from '../../lib/webhooks/repository';
import { toWebhookView } from '../../lib/webhooks/views';
import { languageOf } from '../../lib/http/language';

/** GET /provider/webhook — the registered endpoint and whether it is enabled (never the secret). */
export const handler = route({ access: ['provider'] }, async ({ user, headers }) =>
  ok(toWebhookView(await getOwnWebhook(user.id), languageOf(headers))),
);
