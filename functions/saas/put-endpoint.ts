import { ok, route } from '../../lib/http/route';
import { saveSaasEndpoint } from '../../lib/saas/endpoint';
import { putSaasEndpointBody } from '../../lib/saas/schemas';
import { toSaasEndpointView } from '../../lib/saas/views';

/** PUT /provider/saas-endpoint — save the endpoint once it answers verifyInterface with the echo (400 otherwise). */
export const handler = route({ access: ['provider'], body: putSaasEndpointBody, idempotent: 'put-saas-endpoint' }, async ({ user, body, now }) =>
  ok(toSaasEndpointView(await saveSaasEndpoint(user.id, body, now))),
);
