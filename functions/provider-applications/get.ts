import { route } from '../../lib/http/route';
import { applicationAnswer } from '../../lib/providers/applications/routes';
import { applicationIdParams } from '../../lib/providers/applications/schemas';

/** GET /provider-applications/{applicationId} — one application: its applicant's, or any for an operator. */
export const handler = route({ access: 'signed-in', params: applicationIdParams }, applicationAnswer);
