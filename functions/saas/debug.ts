import { ok, route } from '../../lib/http/route';
import { debugSaasAction } from '../../lib/saas/endpoint';
import { debugSaasBody } from '../../lib/saas/schemas';
import { toSaasDebugView } from '../../lib/saas/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** POST /provider/saas-endpoint/debug — 接口调试: one action with test data; request, response, latency, verdict. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('administer'), body: debugSaasBody, idempotent: 'debug-saas-endpoint' }, async ({ user, body, now }) =>
  ok(toSaasDebugView(await debugSaasAction(providerIdOf(user), body.action, now))),
);
