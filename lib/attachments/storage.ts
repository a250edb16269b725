import { AwsClient } from 'aws4fetch';
import { config } from '../config';
import { DomainError, TemporarilyUnavailableError } from '../http/errors';
import { REFERENCED_TAG, type Stored } from './model';
import type { AttachmentItem } from './schemas';
import { msg } from '../i18n';

// The S3 calls of a command that references attachments (HeadObject, CopyObject) and of a download's check, signed with
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

/** Path style locally (the emulator), virtual-hosted style on AWS. Keys are `orders/<id>/<id>`, `licences/<id>/<id>`…: nothing to escape. */
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
export const headStored = (a: Pick<AttachmentItem, 'objectKey'>): Promise<Stored> =>
  guarded(async () => {
    const res = await signer().fetch(objectUrl(a.objectKey), { method: 'HEAD' });
    if (res.status === 404) return { exists: false };
    if (!res.ok) throw storageUnavailable();
    return {
      exists: true,
      size: Number(res.headers.get('content-length') ?? 0),
      contentType: res.headers.get('content-type') ?? undefined,
      etag: res.headers.get('etag') ?? undefined,
    };
  });

/** The ETag S3 holds for a key (HeadObject), or undefined when it holds nothing there. */
export const etagOf = (key: string): Promise<string | undefined> =>
  guarded(async () => {
    const res = await signer().fetch(objectUrl(key), { method: 'HEAD' });
    if (res.status === 404 || res.status === 403) return undefined;
    if (!res.ok) throw storageUnavailable();
    return res.headers.get('etag') ?? undefined;
  });

/**
 * Keeps what was checked (CopyObject): the uploaded object, only if it is still the one whose `etag` was
 * checked (`x-amz-copy-source-if-match`), copied to the attachment's verified key — a key no upload grant
 * covers — tagged `state=referenced` so the lifecycle rule for never-referenced uploads leaves it alone.
 * Answers the copy's ETag, or undefined when the upload changed since it was checked (412).
 */
export const keepVerified = (a: Pick<AttachmentItem, 'objectKey'>, verifiedKey: string, etag: string): Promise<string | undefined> =>
  guarded(async () => {
    const res = await signer().fetch(objectUrl(verifiedKey), {
      method: 'PUT',
      headers: {
        'x-amz-copy-source': `/${bucket}/${a.objectKey}`,
        'x-amz-copy-source-if-match': etag,
        'x-amz-metadata-directive': 'COPY',
        'x-amz-tagging-directive': 'REPLACE',
        'x-amz-tagging': `${REFERENCED_TAG.Key}=${REFERENCED_TAG.Value}`,
      },
    });
    if (res.status === 412) return undefined;
    const body = await res.text();
    // a copy can fail after its 200 has been sent: the error is then the body
    const copied = /<ETag>([^<]+)<\/ETag>/.exec(body);
    if (!res.ok || /<Error>/.test(body) || !copied) throw storageUnavailable();
    return copied[1].replace(/&quot;/g, '"').replace(/&#34;/g, '"');
  });
