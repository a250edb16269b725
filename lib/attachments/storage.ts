import { GetObjectCommand, HeadObjectCommand, PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config } from '../config';
import { DomainError } from '../http/errors';
import { contentDisposition, REFERENCED_TAG, uploadPolicy, type Stored } from './model';
import { DOWNLOAD_TTL_SECONDS, UPLOAD_TTL_SECONDS, type AttachmentItem } from './schemas';

const local = config.attachments.s3Endpoint !== undefined;

/** The one S3 client of a function; locally the emulator (s3rver accepts only the access key `S3RVER`). */
export const s3 = new S3Client({
  region: config.region,
  endpoint: config.attachments.s3Endpoint,
  forcePathStyle: local,
  // presigned URLs must not carry a checksum of an empty body
  requestChecksumCalculation: 'WHEN_REQUIRED',
  ...(local ? { credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
});
const bucket = config.attachments.bucket;

/** S3 failing is not the client's fault: 503 with Retry-After, never 500. */
export const storageUnavailable = () =>
  new DomainError(503, 'TEMPORARILY_UNAVAILABLE', 'Temporarily unavailable', 'File storage is unavailable; try again shortly.', {}, {
    'retry-after': '2',
  });

const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw storageUnavailable();
  }
};

/** A presigned POST whose policy S3 enforces: exact key and Content-Type, 1…granted bytes, the pending tag. */
export const presignUpload = async (a: AttachmentItem, client: S3Client = s3, bucketName = bucket) =>
  guarded(async () => {
    const policy = uploadPolicy(a);
    const post = await createPresignedPost(client, { Bucket: bucketName, ...policy, Expires: UPLOAD_TTL_SECONDS });
    return {
      method: 'POST' as const,
      url: post.url,
      fields: post.fields,
      expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    };
  });

/** What S3 holds under an attachment's key (HeadObject). */
export const headStored = (a: AttachmentItem): Promise<Stored> =>
  guarded(async () => {
    try {
      const out = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: a.objectKey }));
      return { exists: true, size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return { exists: false };
      throw err;
    }
  });

/** Retags a referenced object so the lifecycle rule for never-referenced uploads leaves it alone. */
export const markReferenced = (a: AttachmentItem) =>
  guarded(() => s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: a.objectKey, Tagging: { TagSet: [REFERENCED_TAG] } })));

/** A presigned GET valid five minutes from `now`, served as a download with the original file name. */
export const presignDownload = (a: AttachmentItem, now: Date) =>
  guarded(() =>
    getSignedUrl(
      s3,
      new GetObjectCommand({
        Bucket: bucket,
        Key: a.objectKey,
        ResponseContentType: a.contentType,
        ResponseContentDisposition: contentDisposition(a.fileName),
      }),
      { expiresIn: DOWNLOAD_TTL_SECONDS, signingDate: now },
    ),
  );
