import { ok, route } from '../../lib/http/route';
import { toApplicationView } from '../../lib/providers/applications/model';
import { decideApplication } from '../../lib/providers/applications/repository';
import { applicationAnswer } from '../../lib/providers/applications/routes';
import { applicationIdParams, rejectApplicationBody } from '../../lib/providers/applications/schemas';

/** POST /operator/provider-applications/{applicationId}/reject — 驳回 the version seen, with a reason. */
export const handler = route(
  { access: ['operator'], idempotent: 'reject-application', reread: applicationAnswer, params: applicationIdParams, body: rejectApplicationBody },
  async ({ user, params, body, now }) =>
    ok(toApplicationView(await decideApplication(user, params.applicationId, { action: 'reject', version: body.version, reason: body.reason }, now))),
);
