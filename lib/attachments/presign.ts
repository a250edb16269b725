import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { contentDisposition, uploadPolicy } from './model';
import { DOWNLOAD_TTL_SECONDS, UPLOAD_TTL_SECONDS, type AttachmentItem } from './schemas';
import { config } from '../config';
import { bucket, guarded } from './storage';

// Presigning is local signing: no request to S3. Only the grant and the download bundle the SDK's S3 client.

const local = config.attachments.s3Endpoint !== undefined;

/** The S3 client that signs; locally the emulator (s3rver accepts only the access key `S3RVER`). */
export const s3 = new S3Client({
  region: config.region,
  endpoint: config.attachments.s3Endpoint,
  forcePathStyle: local,
  // presigned URLs must not carry a checksum of an empty body
  requestChecksumCalculation: 'WHEN_REQUIRED',
  ...(local ? { credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
});

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
