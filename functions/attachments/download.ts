import { getAttachmentFor } from '../../lib/attachments/repository';
import { attachmentParams } from '../../lib/attachments/schemas';
import { presignDownload } from '../../lib/attachments/storage';
import { route } from '../../lib/http/route';

/** GET /orders/{orderId}/attachments/{attachmentId} — 302 to a download valid five minutes; parties and operators. */
export const handler = route({ access: ['buyer', 'provider', 'operator'], params: attachmentParams }, async ({ user, params, now }) => {
  const attachment = await getAttachmentFor(user, params.orderId, params.attachmentId);
  return { status: 302, headers: { location: await presignDownload(attachment, now), 'cache-control': 'no-store' } };
});
