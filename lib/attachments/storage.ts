import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { config } from '../config';
import { DomainError, TemporarilyUnavailableError } from '../http/errors';
import type { Stored } from './model';
import type { AttachmentItem } from './schemas';
import { msg } from '../i18n';

// The two S3 calls of a command that references attachments (HeadObject, PutObjectTagging), signed with
// aws4fetch: the AWS SDK's S3 client would more than double those functions' bundles. The grant and the
// download presign with the SDK (lib/attachments/presign.ts).

const endpoint = config.attachments.s3Endpoint;
const local = endpoint !== undefined;
export const bucket = config.attachments.bucket;

/** Signs with the function's role (Lambda puts its keys in the environment); s3rver accepts only `S3RVER`. */
const signer = () =>
  new AwsClient({
    accessKeyId: local ? 'S3RVER' : (process.env.AWS_ACCESS_KEY_ID ?? ''),
    secretAccessKey: local ? 'S3RVER' : (process.env.AWS_SECRET_ACCESS_KEY ?? ''),
    sessionToken: local ? undefined : process.env.AWS_SESSION_TOKEN,
    service: 's3',
    region: config.region,
    retries: 2,
  });

/** Path style locally (the emulator), virtual-hosted style on AWS. Keys are `orders/<id>/<id>`: nothing to escape. */
const objectUrl = (key: string) => (local ? `${endpoint}/${bucket}/${key}` : `https://${bucket}.s3.${config.region}.amazonaws.com/${key}`);

/** S3 failing is not the client's fault: 503 with Retry-After, never 500. */
export const storageUnavailable = () =>
  new TemporarilyUnavailableError(msg('detail.storageUnavailable'), 2);

export const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw storageUnavailable();
  }
};

/** What S3 holds under an attachment's key (HeadObject). */
export const headStored = (a: AttachmentItem): Promise<Stored> =>
  guarded(async () => {
    const res = await signer().fetch(objectUrl(a.objectKey), { method: 'HEAD' });
    if (res.status === 404) return { exists: false };
    if (!res.ok) throw storageUnavailable();
    return { exists: true, size: Number(res.headers.get('content-length') ?? 0), contentType: res.headers.get('content-type') ?? undefined };
  });

const REFERENCED =
  '<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>state</Key><Value>referenced</Value></Tag></TagSet></Tagging>';

/** Retags a referenced object (PutObjectTagging) so the lifecycle rule for never-referenced uploads leaves it alone. */
export const markReferenced = (a: AttachmentItem) =>
  guarded(async () => {
    const res = await signer().fetch(`${objectUrl(a.objectKey)}?tagging`, {
      method: 'PUT',
      body: REFERENCED,
      headers: { 'content-type': 'application/xml', 'content-md5': createHash('md5').update(REFERENCED).digest('base64') },
    });
    if (!res.ok) throw storageUnavailable();
  });
