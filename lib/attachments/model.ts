import type { FieldError } from '../http/errors';
import type { AttachmentItem, AttachmentView } from './schemas';

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
export const storedProblem = (a: Pick<AttachmentItem, 'size' | 'contentType'>, stored: Stored): string | undefined => {
  if (!stored.exists) return 'the upload of this attachment never arrived';
  if (stored.size > a.size) return `the uploaded file (${stored.size} bytes) is larger than the ${a.size} bytes granted`;
  if (stored.contentType !== a.contentType) return `the uploaded file is ${stored.contentType ?? 'untyped'}, not the ${a.contentType} granted`;
  return undefined;
};

export interface Reference {
  path: string;
  attachmentId: string;
}

/** References to attachments that are not this order's, each naming its field. */
export const foreignReferences = (refs: Reference[], ofOrder: Map<string, AttachmentItem>): FieldError[] =>
  refs.filter((r) => !ofOrder.has(r.attachmentId)).map((r) => ({ path: r.path, message: 'not an attachment of this order' }));

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
