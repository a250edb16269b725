import { ok, route } from '../../lib/http/route';
import { getOwnWebhook } from '../../lib/webhooks/repository';
import { toWebhookView } from '../../lib/webhooks/views';

/** GET /provider/webhook — the registered endpoint and whether it is enabled (never the secret). */
export const handler = route({ access: ['provider'] }, async ({ user }) => ok(toWebhookView(await getOwnWebhook(user.id))));
