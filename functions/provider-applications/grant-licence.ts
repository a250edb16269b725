import { presignUpload } from '../../lib/attachments/presign';
import { config } from '../../lib/config';
import { created, route } from '../../lib/http/route';
import { grantLicence } from '../../lib/providers/applications/repository';
import { licenceGrantBody } from '../../lib/providers/applications/schemas';

/**
 * POST /provider-applications/licences — a presigned upload of the business licence (pdf, png or jpeg, at most
 * 5 MB, S3 enforcing type and size) and its licenceId, for an application to reference. RATE_UPLOADS per user.
 */
export const handler = route({ access: 'signed-in', idempotent: 'grant-licence', body: licenceGrantBody }, async (req) => {
  const licence = await grantLicence(req.user, req.body, req.now, config.rateLimits.uploads);
  const { licenceId, fileName, contentType, size } = licence;
  return created({ licenceId, fileName, contentType, size, upload: await presignUpload(licence) });
});
