import { grantAttachment } from '../../lib/attachments/repository';
import { grantBody } from '../../lib/attachments/schemas';
import { presignUpload } from '../../lib/attachments/presign';
import { config } from '../../lib/config';
import { created, route } from '../../lib/http/route';
import { orderIdParams } from '../../lib/orders/schemas';

/**
 * POST /orders/{orderId}/attachments — a presigned upload whose size and type S3 enforces, and its attachmentId.
 * RATE_UPLOADS per user and window (429 with Retry-After), counted in the grant's own transaction.
 */
export const handler = route({ access: ['buyer', 'provider', 'operator'], idempotent: 'grant-attachment', params: orderIdParams, body: grantBody }, async (req) => {
  const attachment = await grantAttachment(req.user, req.params.orderId, req.body, req.now, config.rateLimits.uploads);
  const { attachmentId, fileName, contentType, size } = attachment;
  return created({ attachmentId, fileName, contentType, size, upload: await presignUpload(attachment) });
});
