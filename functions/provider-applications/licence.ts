import { presignDownload } from '../../lib/attachments/presign';
import { DOWNLOAD_TTL_SECONDS } from '../../lib/attachments/schemas';
import { checkKeptCopy } from '../../lib/attachments/verify';
import { route, type Reply } from '../../lib/http/route';
import { getApplicationFor } from '../../lib/providers/applications/repository';
import { applicationIdParams } from '../../lib/providers/applications/schemas';

/**
 * GET /provider-applications/{applicationId}/licence — the business licence as checked at submission, for the
 * applicant and operators: 302 to a presigned download valid five minutes, or the link as JSON to
 * `Accept: application/json` (a browser's fetch cannot follow a redirect to the bucket's origin).
 */
export const handler = route({ access: 'signed-in', params: applicationIdParams }, async ({ user, params, now, headers }): Promise<Reply> => {
  const { applicationId, licence } = await getApplicationFor(user, params.applicationId);
  await checkKeptCopy(licence.verifiedKey, licence.verifiedETag, { applicationId, licenceId: licence.licenceId });
  const url = await presignDownload({ ...licence, attachmentId: licence.licenceId }, now);
  if (/\bapplication\/json\b/i.test(headers.accept ?? '')) {
    return { status: 200, body: { url, expiresAt: new Date(now.getTime() + DOWNLOAD_TTL_SECONDS * 1000).toISOString() }, headers: { 'cache-control': 'no-store' } };
  }
  return { status: 302, headers: { location: url, 'cache-control': 'no-store' } };
});
