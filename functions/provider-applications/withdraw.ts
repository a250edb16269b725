import { ok, route } from '../../lib/http/route';
import { toApplicationView } from '../../lib/providers/applications/model';
import { withdrawApplication } from '../../lib/providers/applications/repository';
import { applicationAnswer } from '../../lib/providers/applications/routes';
import { applicationIdParams } from '../../lib/providers/applications/schemas';

/** POST /provider-applications/{applicationId}/withdraw — 撤回 a pending application. */
export const handler = route(
  { access: 'signed-in', idempotent: 'withdraw-application', reread: applicationAnswer, params: applicationIdParams },
  async ({ user, params, now }) => ok(toApplicationView(await withdrawApplication(user, params.applicationId, now))),
);
