import { checkServed, getAttachmentFor } from '../../lib/attachments/repository';
import { attachmentParams, DOWNLOAD_TTL_SECONDS } from '../../lib/attachments/schemas';
import { presignDownload } from '../../lib/attachments/presign';
import { route, type Reply } from '../../lib/http/route';

/**
 * GET /orders/{orderId}/attachments/{attachmentId} — a download valid five minutes; parties and operators. A
 * referenced attachment serves the copy kept at its first reference, only while it is still what was checked.
 * 302 to it by default; with `Accept: application/json`, 200 with the link (a browser's fetch cannot follow a
 * redirect to the bucket's origin, so the console opens the link instead).
 */
export const handler = route({ access: ['buyer', 'provider', 'operator'], params: attachmentParams }, async ({ user, params, now, headers }): Promise<Reply> => {
  const attachment = await getAttachmentFor(user, params.orderId, params.attachmentId);
  await checkServed(attachment);
  const url = await presignDownload(attachment, now);
  if (/\bapplication\/json\b/i.test(headers.accept ?? '')) {
    return { status: 200, body: { url, expiresAt: new Date(now.getTime() + DOWNLOAD_TTL_SECONDS * 1000).toISOString() }, headers: { 'cache-control': 'no-store' } };
  }
  return { status: 302, headers: { location: url, 'cache-control': 'no-store' } };
});
