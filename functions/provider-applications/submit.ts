import { created, route } from '../../lib/http/route';
import { toApplicationView } from '../../lib/providers/applications/model';
import { submitApplication } from '../../lib/providers/applications/repository';
import { applicationBody } from '../../lib/providers/applications/schemas';
import { idempotencyOf } from '../../lib/shared/idempotency';

/** POST /provider-applications — 入驻: apply with the company's details and an uploaded licence. */
export const handler = route({ access: 'signed-in', body: applicationBody }, async (req) =>
  submitApplication(req.user, req.body, req.now, idempotencyOf(req, 'submit-application'), (a) => created(toApplicationView(a))),
);
