import { ok, route } from '../../lib/http/route';
import { getOwnSaasEndpoint } from '../../lib/saas/endpoint';
import { toSaasEndpointView } from '../../lib/saas/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** GET /provider/saas-endpoint — the saved URL, whether a token is set (never the token), the 接口调试 passes. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('administer') }, async ({ user }) => ok(toSaasEndpointView(await getOwnSaasEndpoint(providerIdOf(user)))));
