import type { FieldError } from '../http/errors';
import { ATTACHMENT_EXTENSIONS, fileNameProblem, type AttachmentItem, type AttachmentView } from './schemas';
import { toWellFormed } from '../shared/text';
import { msg, type Msg } from '../i18n';

/** The object tag the bucket's lifecycle rule removes after a day; the copy kept at the first reference is tagged referenced. */
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
export type Stored = { exists: false } | { exists: true; size: number; contentType: string | undefined; etag?: string };

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

/**
 * The name a file is shown and saved under: its name as granted, which passed {@link fileNameProblem}; a
 * record granted before those checks whose name fails them is served as `<attachmentId>.<its type's extension>`.
 */
export const servedName = (a: Pick<AttachmentItem, 'attachmentId' | 'fileName' | 'contentType'>) =>
  fileNameProblem(a.fileName, a.contentType) ? `${a.attachmentId}.${ATTACHMENT_EXTENSIONS[a.contentType][0]}` : a.fileName;

/**
 * The key a download serves: the copy kept at the first reference (what was checked), or, for an attachment
 * never referenced (or checked before copies were kept), the upload's own key.
 */
export const servedKey = (a: Pick<AttachmentItem, 'objectKey' | 'verifiedKey'>) => a.verifiedKey ?? a.objectKey;

/** The key the checked object is kept under at its first reference: outside `orders/`, where no grant reaches. */
export const verifiedKeyOf = (a: Pick<AttachmentItem, 'orderId' | 'attachmentId'>, etag: string) =>
  `verified/${a.orderId}/${a.attachmentId}/${etag.replace(/[^A-Za-z0-9-]/g, '')}`;

/** `Content-Disposition` for a download: an ASCII fallback and the UTF-8 name (RFC 6266). */
export const contentDisposition = (name: string) => {
  const fileName = toWellFormed(name);
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

/** An attachment as clients see it. */
export const toAttachmentView = (a: AttachmentItem): AttachmentView => ({
  attachmentId: a.attachmentId,
  fileName: servedName(a),
  contentType: a.contentType,
  size: a.storedSize ?? a.size,
  uploadedBy: a.uploadedBy,
  createdAt: a.createdAt,
  verified: a.verifiedAt !== undefined,
});
