import { ok, route } from '../../lib/http/route';
import { getOwnWebhook } from '../../lib/webhooks/repository';
import { toWebhookView } from '../../lib/webhooks/views';
import { languageOf } from '../../lib/http/language';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** GET /provider/webhook — the registered endpoint and whether it is enabled (never the secret). */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('administer') }, async ({ user, headers }) =>
  ok(toWebhookView(await getOwnWebhook(providerIdOf(user)), languageOf(headers))),
);
