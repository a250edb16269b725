import { ok, route } from '../../lib/http/route';
import { resendSaasCall } from '../../lib/saas/resend';
import { saasCallIdParams } from '../../lib/saas/schemas';
import { toSaasCallView } from '../../lib/saas/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** POST /provider/saas-calls/{callId}/resend — 重新发送 a failed call, with the same eventId. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('saasCalls'), params: saasCallIdParams, idempotent: 'resend-saas-call' }, async ({ user, params, now }) =>
  ok(toSaasCallView(await resendSaasCall(providerIdOf(user), params.callId, now))),
);
