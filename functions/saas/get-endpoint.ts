import { ok, route } from '../../lib/http/route';
import { getOwnSaasEndpoint } from '../../lib/saas/endpoint';
import { toSaasEndpointView } from '../../lib/saas/views';

/** GET /provider/saas-endpoint — the saved URL, whether a token is set (never the token), the 接口调试 passes. */
export const handler = route({ access: ['provider'] }, async ({ user }) => ok(toSaasEndpointView(await getOwnSaasEndpoint(user.id))));
