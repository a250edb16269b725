import { ok, route } from '../../lib/http/route';
import { toApplicationView } from '../../lib/providers/applications/model';
import { decideApplication } from '../../lib/providers/applications/repository';
import { applicationAnswer } from '../../lib/providers/applications/routes';
import { applicationIdParams, approveBody } from '../../lib/providers/applications/schemas';

/**
 * POST /operator/provider-applications/{applicationId}/approve — 通过 the version seen: the organisation, its
 * credit code and the applicant's administrator membership, in one transaction with the decision.
 */
export const handler = route(
  { access: ['operator'], idempotent: 'approve-application', reread: applicationAnswer, params: applicationIdParams, body: approveBody },
  async ({ user, params, body, now }) =>
    ok(toApplicationView(await decideApplication(user, params.applicationId, { action: 'approve', version: body.version }, now))),
);
