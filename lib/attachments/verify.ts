import { ConflictError, ValidationError } from '../http/errors';
import { msg } from '../i18n';
import { logger } from '../observability/logger';
import { storedProblem } from './model';
import type { AttachmentItem } from './schemas';
import { etagOf, headStored, keepVerified, storageUnavailable } from './storage';

/** What the first reference of an upload checked and kept. */
export interface Kept {
  storedSize: number;
  verifiedKey: string;
  verifiedETag: string;
}

/**
 * The first reference of one upload (any kind: an order's attachment, a provider's licence): S3 holds it
 * within what was granted (HeadObject: present, size, type), and what was checked is copied, only if still
 * the object whose ETag was checked, to `keyFor(etag)`, a key no grant reaches. A problem is a 400 naming `path`.
 */
export const keepFirstReference = async (
  file: Pick<AttachmentItem, 'objectKey' | 'size' | 'contentType'>,
  keyFor: (etag: string) => string,
  path: string,
): Promise<Kept> => {
  const stored = await headStored(file);
  const problem = storedProblem(file, stored);
  if (problem) throw new ValidationError([{ path, message: problem }], msg('detail.attachmentMismatch'));
  if (!stored.exists || !stored.etag) throw storageUnavailable();
  const verifiedKey = keyFor(stored.etag);
  const verifiedETag = await keepVerified(file, verifiedKey, stored.etag);
  if (!verifiedETag) throw new ValidationError([{ path, message: msg('field.uploadChanged') }], msg('detail.attachmentMismatch'));
  return { storedSize: stored.size, verifiedKey, verifiedETag };
};

/**
 * A kept copy may be served only while S3 still holds exactly what was checked there (its ETag): 409
 * ATTACHMENT_ALTERED otherwise, logged as an error, never other bytes under the record's name.
 */
export const checkKeptCopy = async (verifiedKey: string, verifiedETag: string | undefined, ids: Record<string, string>): Promise<void> => {
  const etag = await etagOf(verifiedKey);
  if (etag !== verifiedETag) {
    logger.error('stored file altered after its check', { ...ids, checked: verifiedETag, stored: etag });
    throw new ConflictError('ATTACHMENT_ALTERED', msg('detail.attachmentAltered'));
  }
};
