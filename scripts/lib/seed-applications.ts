import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { config } from '../../lib/config';
import type { User } from '../../lib/http/auth';
import { grantLicence, listMyApplications, submitApplication } from '../../lib/providers/applications/repository';

/** A one-page PDF standing in for a scanned business licence (营业执照). */
const LICENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/**
 * 服务商入驻: one pending application of the demo applicant (licence uploaded and checked), so that the
 * operator's 入驻审核 queue is not empty; does nothing when the applicant has applied before.
 */
export const seedDemoApplication = async (applicantId: string, now: Date = new Date()) => {
  const applicant: User = { id: applicantId, roles: ['buyer'] };
  if ((await listMyApplications(applicantId, { limit: 1 })).items.length > 0) return 'Demo application kept from the last run.';
  const licence = await grantLicence(applicant, { fileName: '营业执照.pdf', contentType: 'application/pdf', size: LICENCE_PDF.length }, now);
  const s3 = new S3Client({
    region: config.region,
    endpoint: config.attachments.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await s3.send(new PutObjectCommand({ Bucket: config.attachments.bucket, Key: licence.objectKey, Body: LICENCE_PDF, ContentType: 'application/pdf' }));
  await submitApplication(
    applicant,
    {
      companyName: '杭州云帆数据科技有限公司',
      // a valid 统一社会信用代码 (GB 32100 check character) no demo organisation holds
      creditCode: '91330106MA2B0YFX0P',
      contactName: '陈晓',
      contactPhone: '13700001234',
      contactEmail: 'chenxiao@yunfan.example',
      serviceTypes: ['ops_service', 'saas'],
      licence: licence.licenceId,
    },
    now,
    undefined,
    (a) => ({ status: 201, body: a }),
  );
  return 'Seeded a pending provider application (入驻审核).';
};
