import { ok, route } from '../../lib/http/route';
import { resendSaasCall } from '../../lib/saas/resend';
import { saasCallIdParams } from '../../lib/saas/schemas';
import { toSaasCallView } from '../../lib/saas/views';

/** POST /provider/saas-calls/{callId}/resend — 重新发送 a failed call, with the same eventId. */
export const handler = route({ access: ['provider'], params: saasCallIdParams, idempotent: 'resend-saas-call' }, async ({ user, params, now }) =>
  ok(toSaasCallView(await resendSaasCall(user.id, params.callId, now))),
);
