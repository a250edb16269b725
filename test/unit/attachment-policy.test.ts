import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { describe, expect, it, vi } from 'vitest';
import { contentDisposition, storedProblem, uploadPolicy, type Stored } from '../../lib/attachments/model';
import { render } from '../../lib/i18n';
import { grantBody, MAX_ATTACHMENT_BYTES } from '../../lib/attachments/schemas';
import { presignUpload } from '../../lib/attachments/presign';

const record = {
  attachmentId: '01JATTACHMENT0000000000000',
  orderId: '01JORDER000000000000000000',
  fileName: 'report.pdf',
  contentType: 'application/pdf' as const,
  size: 4096,
  objectKey: 'orders/01JORDER000000000000000000/01JATTACHMENT0000000000000',
  uploadedBy: 'buyer-1',
  createdAt: '2026-11-24T00:00:00.000Z',
};
// signing as deployed (no emulator endpoint): the policy is what S3 itself enforces there
const aws = { region: 'ap-guangzhou-1', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret', bucket: 'market-prod-attachments' };

const policyOf = async () => {
  const upload = await presignUpload(record, aws);
  return { upload, policy: JSON.parse(Buffer.from(upload.fields.Policy, 'base64').toString('utf8')) };
};

describe('the upload policy', () => {
  it('pins the bucket, the exact key, the exact content type, the size range and the pending tag', async () => {
    const { policy } = await policyOf();
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'market-prod-attachments' },
        { key: record.objectKey },
        { 'Content-Type': 'application/pdf' },
        ['content-length-range', 1, 4096],
        { tagging: '<Tagging><TagSet><Tag><Key>state</Key><Value>pending</Value></Tag></TagSet></Tagging>' },
        { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
      ]),
    );
    expect(policy.conditions.some((c: unknown) => Array.isArray(c) && c[0] === 'starts-with')).toBe(false);
  });

  it('expires a quarter of an hour after it is issued', async () => {
    const before = Date.now();
    const { policy, upload } = await policyOf();
    const expires = Date.parse(policy.expiration);
    expect(expires - before).toBeGreaterThan(14 * 60 * 1000);
    expect(expires - before).toBeLessThanOrEqual(15 * 60 * 1000 + 1000);
    expect(Math.abs(Date.parse(upload.expiresAt) - expires)).toBeLessThan(1000);
  });

  it('signs the form with the fields the browser must send, and posts to the bucket', async () => {
    const { upload } = await policyOf();
    expect(upload.method).toBe('POST');
    expect(upload.url).toBe('https://market-prod-attachments.s3.ap-guangzhou-1.amazonaws.com/');
    expect(Object.keys(upload.fields)).toEqual(
      expect.arrayContaining(['key', 'Content-Type', 'tagging', 'Policy', 'X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Date']),
    );
  });

  it('signs exactly as the AWS SDK’s presigned POST does for the same policy, keys and time', async () => {
    const now = new Date('2026-11-24T08:30:00.000Z');
    const ours = await presignUpload(record, { ...aws, sessionToken: 'token' }, now);
    vi.useFakeTimers({ now, toFake: ['Date'] });
    try {
      const client = new S3Client({ region: aws.region, credentials: { accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey, sessionToken: 'token' } });
      const sdk = await createPresignedPost(client, { Bucket: aws.bucket, ...uploadPolicy(record), Expires: 15 * 60 });
      expect(ours.fields).toEqual(sdk.fields);
      expect(ours.url).toBe(sdk.url);
    } finally {
      vi.useRealTimers();
    }
  });

  it('builds the same conditions for every grant, from the record alone', () => {
    expect(uploadPolicy({ ...record, size: 1 }).Conditions).toEqual([['content-length-range', 1, 1]]);
    expect(uploadPolicy(record).Fields['Content-Type']).toBe('application/pdf');
  });
});

describe('the grant and the stored object', () => {
  it('refuses more than 20 MB and types outside the list', () => {
    expect(grantBody.safeParse({ fileName: 'a.zip', contentType: 'application/zip', size: MAX_ATTACHMENT_BYTES }).success).toBe(true);
    expect(grantBody.safeParse({ fileName: 'a.zip', contentType: 'application/zip', size: MAX_ATTACHMENT_BYTES + 1 }).success).toBe(false);
    expect(grantBody.safeParse({ fileName: 'a.exe', contentType: 'application/x-msdownload', size: 10 }).success).toBe(false);
    expect(grantBody.safeParse({ fileName: '../etc/passwd', contentType: 'text/plain', size: 10 }).success).toBe(false);
  });

  it('names what is wrong with a stored object', () => {
    const english = (stored: Stored) => render('en', storedProblem(record, stored)!);
    expect(english({ exists: false })).toMatch(/never arrived/);
    expect(english({ exists: true, size: 4097, contentType: 'application/pdf' })).toMatch(/larger/);
    expect(english({ exists: true, size: 10, contentType: 'text/html' })).toMatch(/not the application\/pdf/);
    expect(storedProblem(record, { exists: true, size: 4096, contentType: 'application/pdf' })).toBeUndefined();
  });

  it('downloads under the original name, with an ASCII fallback', () => {
    expect(contentDisposition('巡检 "报告".pdf')).toBe(
      `attachment; filename="__ ____.pdf"; filename*=UTF-8''%E5%B7%A1%E6%A3%80%20%22%E6%8A%A5%E5%91%8A%22.pdf`,
    );
  });
});
