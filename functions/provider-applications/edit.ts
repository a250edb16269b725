import { ok, route } from '../../lib/http/route';
import { toApplicationView } from '../../lib/providers/applications/model';
import { editApplication } from '../../lib/providers/applications/repository';
import { applicationAnswer } from '../../lib/providers/applications/routes';
import { applicationIdParams, applicationPatchBody } from '../../lib/providers/applications/schemas';

/** PATCH /provider-applications/{applicationId} — 修改 a pending or rejected application and submit it again. */
export const handler = route(
  { access: 'signed-in', idempotent: 'edit-application', reread: applicationAnswer, params: applicationIdParams, body: applicationPatchBody },
  async ({ user, params, body, now }) => ok(toApplicationView(await editApplication(user, params.applicationId, body, now))),
);
