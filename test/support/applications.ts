import { randomInt } from 'node:crypto';
import { handler as grantLicenceHandler } from '../../functions/provider-applications/grant-licence';
import { handler as submitHandler } from '../../functions/provider-applications/submit';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../../lib/providers/credit-code';
import { upload } from './attachments';
import { invoke, type Call } from './http';
import { must } from './products';

/** A test user, or anyone with a token (a new account: test/support/people.ts). */
type Who = NonNullable<Call['as']>;

/** A valid 统一社会信用代码 nobody has used yet (random body, GB 32100 check character). */
export const freshCreditCode = () => {
  let body = '91';
  for (let i = 0; i < 15; i++) body += CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)];
  return body + creditCodeCheckCharacter(body);
};

export const PDF = '%PDF-1.7 营业执照';

/** A licence upload granted through the real handler. */
export const grantLicence = async (as: Who, body: { fileName?: string; contentType?: string; size: number }) =>
  must(
    await invoke(grantLicenceHandler, { as, body: { fileName: '营业执照.pdf', contentType: 'application/pdf', ...body } }),
    201,
  ) as { licenceId: string; upload: { url: string; method: string; fields: Record<string, string>; expiresAt: string } };

/** A licence granted and uploaded (`bytes` of `contentType`). */
export const uploadedLicence = async (as: Who, bytes: string | Buffer = PDF, contentType = 'application/pdf', fileName?: string) => {
  const g = await grantLicence(as, { size: Buffer.byteLength(bytes), contentType, ...(fileName ? { fileName } : {}) });
  await upload({ attachmentId: g.licenceId, upload: g.upload }, bytes);
  return g.licenceId;
};

/** An application's body with a fresh credit code; `licence` must be given or is uploaded for `as`. */
export const applicationBody = (licence: string, overrides: Record<string, unknown> = {}) => ({
  companyName: '杭州云帆运维科技有限公司',
  creditCode: freshCreditCode(),
  contactName: '张三',
  contactPhone: '13812345678',
  contactEmail: 'zhangsan@yunfan.example',
  serviceTypes: ['ops_service', 'saas'],
  licence,
  ...overrides,
});

/** A pending application of `as`, through the real handlers (licence uploaded first). */
export const applied = async (as: Who, overrides: Record<string, unknown> = {}) => {
  const licence = await uploadedLicence(as);
  return must(await invoke(submitHandler, { as, body: applicationBody(licence, overrides) }), 201);
};
