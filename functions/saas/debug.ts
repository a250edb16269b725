import { ok, route } from '../../lib/http/route';
import { debugSaasAction } from '../../lib/saas/endpoint';
import { debugSaasBody } from '../../lib/saas/schemas';
import { toSaasDebugView } from '../../lib/saas/views';

/** POST /provider/saas-endpoint/debug — 接口调试: one action with test data; request, response, latency, verdict. */
export const handler = route({ access: ['provider'], body: debugSaasBody, idempotent: 'debug-saas-endpoint' }, async ({ user, body, now }) =>
  ok(toSaasDebugView(await debugSaasAction(user.id, body.action, now))),
);
