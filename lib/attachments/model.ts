import type { FieldError } from '../http/errors';
import type { AttachmentItem, AttachmentView } from './schemas';
import { msg, type Msg } from '../i18n';

/** The object tag the bucket's lifecycle rule removes after a day, until the first reference retags it. */
export const PENDING_TAG = { Key: 'state', Value: 'pending' } as const;
export const REFERENCED_TAG = { Key: 'state', Value: 'referenced' } as const;
const tagging = (tag: { Key: string; Value: string }) =>
  `<Tagging><TagSet><Tag><Key>${tag.Key}</Key><Value>${tag.Value}</Value></Tag></TagSet></Tagging>`;

/**
 * What a presigned POST for an attachment pins, so that S3 itself refuses anything else: the form fields
 * (each becomes an exact-match condition of the policy) and the size range.
 */
export const uploadPolicy = (a: Pick<AttachmentItem, 'objectKey' | 'contentType' | 'size'>) => ({
  Key: a.objectKey,
  Fields: { 'Content-Type': a.contentType, tagging: tagging(PENDING_TAG) },
  Conditions: [['content-length-range', 1, a.size] as ['content-length-range', number, number]],
});

/** What S3 says it holds for a key. */
export type Stored = { exists: false } | { exists: true; size: number; contentType: string | undefined };

/** Why a stored object cannot be referenced: absent, larger than granted, or of another type. */
export const storedProblem = (a: Pick<AttachmentItem, 'size' | 'contentType'>, stored: Stored): Msg | undefined => {
  if (!stored.exists) return msg('field.uploadMissing');
  if (stored.size > a.size) return msg('field.uploadTooLarge', { stored: stored.size, granted: a.size });
  if (stored.contentType !== a.contentType) return msg('field.uploadOtherType', { stored: stored.contentType, granted: a.contentType });
  return undefined;
};

export interface Reference {
  path: string;
  attachmentId: string;
}

/** References to attachments that are not this order's, each naming its field. */
export const foreignReferences = (refs: Reference[], ofOrder: Map<string, AttachmentItem>): FieldError[] =>
  refs.filter((r) => !ofOrder.has(r.attachmentId)).map((r) => ({ path: r.path, message: msg('field.notOrderAttachment') }));

/** `Content-Disposition` for a download: an ASCII fallback and the UTF-8 name (RFC 6266). */
export const contentDisposition = (fileName: string) => {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

/** An attachment as clients see it. */
export const toAttachmentView = (a: AttachmentItem): AttachmentView => ({
  attachmentId: a.attachmentId,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.storedSize ?? a.size,
  uploadedBy: a.uploadedBy,
  createdAt: a.createdAt,
  verified: a.verifiedAt !== undefined,
});
