import { createHmac } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { config } from '../config';
import { contentDisposition, servedKey, servedName, uploadPolicy } from './model';
import { DOWNLOAD_TTL_SECONDS, UPLOAD_TTL_SECONDS, type AttachmentItem } from './schemas';
import { bucket, guarded } from './storage';

// Presigning is local signing: no request to S3. The SDK's S3 client and its presigners would take these
// bundles over the 600 KB limit, so the GET is signed with aws4fetch and the POST policy with its documented
// SigV4 steps (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html).

export interface Signing {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
  /** The S3 endpoint for path-style URLs (the local emulator); virtual-hosted AWS URLs without it. */
  endpoint?: string;
  bucket: string;
}

const local = config.attachments.s3Endpoint !== undefined;
/** The function's own signing: its role's keys from the environment, or the emulator's fixed key. */
export const functionSigning = (): Signing => ({
  accessKeyId: local ? 'S3RVER' : (process.env.AWS_ACCESS_KEY_ID ?? ''),
  secretAccessKey: local ? 'S3RVER' : (process.env.AWS_SECRET_ACCESS_KEY ?? ''),
  sessionToken: local ? undefined : process.env.AWS_SESSION_TOKEN,
  region: config.region,
  endpoint: config.attachments.s3Endpoint,
  bucket,
});

const bucketUrl = (s: Signing) => (s.endpoint ? `${s.endpoint}/${s.bucket}` : `https://${s.bucket}.s3.${s.region}.amazonaws.com`);
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A presigned POST whose policy S3 enforces: exact key and Content-Type, 1…granted bytes, the pending tag. */
export const presignUpload = async (a: Pick<AttachmentItem, 'objectKey' | 'contentType' | 'size'>, signing: Signing = functionSigning(), now = new Date()) =>
  guarded(async () => {
    const { Key, Fields, Conditions } = uploadPolicy(a);
    const date = amzDate(now);
    const scope = `${date.slice(0, 8)}/${signing.region}/s3/aws4_request`;
    const fields: Record<string, string> = {
      ...Fields,
      bucket: signing.bucket,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${signing.accessKeyId}/${scope}`,
      'X-Amz-Date': date,
      ...(signing.sessionToken ? { 'X-Amz-Security-Token': signing.sessionToken } : {}),
    };
    const expiresAt = new Date(now.getTime() + UPLOAD_TTL_SECONDS * 1000);
    const policy = Buffer.from(
      JSON.stringify({
        expiration: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        // the order of @aws-sdk/s3-presigned-post, whose output the unit test compares byte for byte
        conditions: [...Conditions, ...Object.entries(fields).map(([k, v]) => ({ [k]: v })), { key: Key }],
      }),
    ).toString('base64');
    const signingKey = ['s3', 'aws4_request'].reduce(
      (key, part) => hmac(key, part),
      hmac(hmac(`AWS4${signing.secretAccessKey}`, date.slice(0, 8)), signing.region),
    );
    return {
      method: 'POST' as const,
      url: signing.endpoint ? bucketUrl(signing) : `${bucketUrl(signing)}/`,
      fields: { ...fields, key: Key, Policy: policy, 'X-Amz-Signature': createHmac('sha256', signingKey).update(policy).digest('hex') },
      expiresAt: expiresAt.toISOString(),
    };
  });

/** What a download serves: a file's name and type, and its keys (an attachment, a licence under its own id). */
export type ServedFile = Pick<AttachmentItem, 'attachmentId' | 'fileName' | 'contentType' | 'objectKey' | 'verifiedKey'>;

/** A presigned GET valid five minutes from `now` of what was checked (else the upload), as a download under its checked name. */
export const presignDownload = (a: ServedFile, now: Date, signing: Signing = functionSigning()) =>
  guarded(async () => {
    const url = new URL(`${bucketUrl(signing)}/${servedKey(a)}`);
    url.searchParams.set('response-content-type', a.contentType);
    url.searchParams.set('response-content-disposition', contentDisposition(servedName(a)));
    url.searchParams.set('X-Amz-Expires', String(DOWNLOAD_TTL_SECONDS));
    const signer = new AwsClient({ ...signing, service: 's3' });
    const signed = await signer.sign(url.toString(), { method: 'GET', aws: { signQuery: true, datetime: amzDate(now) } });
    return signed.url;
  });
