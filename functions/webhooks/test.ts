import { ok, route } from '../../lib/http/route';
import { sendTestPing } from '../../lib/webhooks/control';
import { toDeliveryView } from '../../lib/webhooks/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** POST /provider/webhook/test — send a signed `ping` now; answers the delivery with the endpoint's status code. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('administer'), idempotent: 'test-webhook' }, async ({ user, now }) => ok(toDeliveryView(await sendTestPing(providerIdOf(user), now))));
