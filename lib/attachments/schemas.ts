import { z } from 'zod';
import { ID_PATTERN } from '../shared/ids';
import { fieldMessage, msg } from '../i18n';
import { BIDI, CONTROL, hasVisible, isWellFormed } from '../shared/text';

/** The file types an order may carry (spec 4.1), by the content type S3 is told to enforce. */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/zip': 'zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
export const CONTENT_TYPES = Object.keys(ATTACHMENT_TYPES) as [keyof typeof ATTACHMENT_TYPES, ...(keyof typeof ATTACHMENT_TYPES)[]];
export type AttachmentContentType = (typeof CONTENT_TYPES)[number];

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/**
 * Uploads each party (the buyer, the provider, each operator) may be granted on one order: a quota per
 * party, so that one party's grants, uploaded or not, never use up the other's (docs/decisions.md).
 */
export const MAX_ATTACHMENTS_PER_PARTY = 50;
/** References one message or one delivery may carry (a transaction holds at most 100 writes). */
export const MAX_REFERENCES = 10;
/** How long a presigned upload and a presigned download stay valid. */
export const UPLOAD_TTL_SECONDS = 15 * 60;
export const DOWNLOAD_TTL_SECONDS = 5 * 60;

/**
 * The names a file of each type may have (case-insensitive): a grant's file name ends in one of its type's
 * extensions, so what the console shows and the download saves opens as what S3 was told it is.
 */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'text/plain': ['txt', 'text', 'log'],
  'text/csv': ['csv'],
  'application/zip': ['zip'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

/** A file name's extension (lower case, without the dot), or '' when it has none. */
export const extensionOf = (fileName: string) => {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
};

// eslint-disable-next-line no-control-regex
const NAME_CHARACTERS = /^[^\u0000-\u001f\u007f-\u009f/\\]+$/;

/** Why a file name's characters are refused: slashes, control or text-direction characters, not Unicode. */
const nameCharactersProblem = (fileName: string) => {
  if (!isWellFormed(fileName) || !NAME_CHARACTERS.test(fileName) || CONTROL.test(fileName)) return msg('field.fileName');
  if (BIDI.test(fileName)) return msg('field.noControlCharacters');
  return undefined;
};

/** Why a file name does not fit its type: no extension of the type, or nothing visible before it. */
const nameTypeProblem = (fileName: string, contentType: AttachmentContentType) => {
  const ext = extensionOf(fileName);
  if (!ATTACHMENT_EXTENSIONS[contentType].includes(ext)) {
    return msg('field.fileExtension', { type: contentType, extensions: ATTACHMENT_EXTENSIONS[contentType] });
  }
  if (!hasVisible(fileName.slice(0, -(ext.length + 1)))) return msg('field.visibleCharacters');
  return undefined;
};

/** Why a file name may not be granted or served for a type (lib/attachments/model's served name uses it too). */
export const fileNameProblem = (fileName: string, contentType: AttachmentContentType) =>
  nameCharactersProblem(fileName) ?? nameTypeProblem(fileName, contentType);

/**
 * The body of an upload grant for files of `types` (a subset of the attachment types) of at most `maxBytes`:
 * orders' attachments, and the business licence of a provider application (pdf, png, jpeg, 5 MB).
 */
export const grantBodyFor = <const T extends readonly [AttachmentContentType, ...AttachmentContentType[]]>(types: T, maxBytes: number) =>
  z
    .object({
      fileName: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .regex(NAME_CHARACTERS, fieldMessage(msg('field.fileName')))
        .refine((n) => !BIDI.test(n), { message: fieldMessage(msg('field.noControlCharacters')) }),
      contentType: z.enum(types, { message: fieldMessage(msg('field.contentType', { kinds: types.map((t) => ATTACHMENT_TYPES[t]), types })) }),
      size: z.number().int().min(1).max(maxBytes, fieldMessage(msg('field.attachmentSize', { max: maxBytes }))),
    })
    // and something visible before an extension of its type (once its characters passed)
    .superRefine((g, ctx) => {
      const typed = typeof g.fileName === 'string' && Object.hasOwn(ATTACHMENT_EXTENSIONS, g.contentType);
      const problem = typed && !nameCharactersProblem(g.fileName) && nameTypeProblem(g.fileName, g.contentType);
      if (problem) ctx.addIssue({ code: 'custom', path: ['fileName'], message: fieldMessage(problem) });
    });

export const grantBody = grantBodyFor(CONTENT_TYPES, MAX_ATTACHMENT_BYTES);
export type GrantInput = z.infer<typeof grantBody>;

export const attachmentParams = z.object({ orderId: z.string().regex(ID_PATTERN), attachmentId: z.string().regex(ID_PATTERN) });

/** A list of attachment ids that a message or a delivery references. */
export const attachmentRefs = z
  .array(z.string().regex(ID_PATTERN, fieldMessage(msg('field.notAttachmentId'))))
  .max(MAX_REFERENCES)
  .refine((ids) => new Set(ids).size === ids.length, { message: fieldMessage(msg('field.attachmentsRepeat')) });

/** An attachment record as stored (the bytes are in S3, never in the table). */
export const attachmentItemSchema = z.object({
  attachmentId: z.string(),
  orderId: z.string(),
  fileName: z.string(),
  contentType: z.enum(CONTENT_TYPES),
  /** The most bytes the upload was granted. */
  size: z.number(),
  objectKey: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
  /** Set when the stored object was checked, at its first reference. */
  verifiedAt: z.string().optional(),
  storedSize: z.number().optional(),
  /** Where what was checked is kept (a key no grant covers) and its ETag: what every download serves. */
  verifiedKey: z.string().optional(),
  verifiedETag: z.string().optional(),
});
export type AttachmentItem = z.infer<typeof attachmentItemSchema>;

// ---- Views: what the API answers.

export const attachmentView = z
  .object({
    attachmentId: z.string(),
    fileName: z.string(),
    contentType: z.enum(CONTENT_TYPES),
    size: z.number().int().meta({ description: 'bytes: as stored once checked, else as granted' }),
    uploadedBy: z.string(),
    createdAt: z.string(),
    verified: z.boolean().meta({ description: 'the stored object was checked at its first reference' }),
  })
  .meta({ id: 'Attachment' });
export type AttachmentView = z.infer<typeof attachmentView>;

/** A download as a link, for clients that cannot follow a redirect to another origin (a browser's fetch). */
export const downloadLinkView = z
  .object({
    url: z.string().meta({ description: 'a presigned download, with the file name as its Content-Disposition' }),
    expiresAt: z.string(),
  })
  .meta({ id: 'DownloadLink' });

export const uploadGrantView = z
  .object({
    attachmentId: z.string(),
    fileName: z.string(),
    contentType: z.enum(CONTENT_TYPES),
    size: z.number().int(),
    upload: z.object({
      method: z.literal('POST'),
      url: z.string().meta({ description: 'the bucket; POST a multipart/form-data form to it' }),
      fields: z.record(z.string(), z.string()).meta({ description: 'every form field to send before the `file` field' }),
      expiresAt: z.string(),
    }),
  })
  .meta({ id: 'UploadGrant' });
