import { ok, route } from '../../lib/http/route';
import { saveSaasEndpoint } from '../../lib/saas/endpoint';
import { putSaasEndpointBody } from '../../lib/saas/schemas';
import { toSaasEndpointView } from '../../lib/saas/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** PUT /provider/saas-endpoint — save the endpoint once it answers verifyInterface with the echo (400 otherwise). */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('administer'), body: putSaasEndpointBody, idempotent: 'put-saas-endpoint' }, async ({ user, body, now }) =>
  ok(toSaasEndpointView(await saveSaasEndpoint(providerIdOf(user), body, now))),
);
