import { ok, route } from '../../lib/http/route';
import { redeliver } from '../../lib/webhooks/control';
import { deliveryIdParams } from '../../lib/webhooks/schemas';
import { toDeliveryView } from '../../lib/webhooks/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** POST /provider/webhook/deliveries/{deliveryId}/redeliver — send a failed or gone delivery again, same webhook-id. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('administer'), idempotent: 'redeliver-webhook', params: deliveryIdParams }, async ({ user, params, now }) =>
  ok(toDeliveryView(await redeliver(providerIdOf(user), params.deliveryId, now))),
);
