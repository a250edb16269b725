import { z } from 'zod';
import { grantBodyFor, uploadGrantView } from '../../attachments/schemas';
import { fieldMessage, msg } from '../../i18n';
import { SERVICE_TYPES } from '../../products/schemas';
import { ID_PATTERN } from '../../shared/id-pattern';
import { pageParams, pageOf } from '../../shared/pagination';
import { BIDI, CONTROL, hasVisible } from '../../shared/text';
import { creditCodeProblem } from '../credit-code';

/** The statuses of an application (spec 2.1): 待审核, 已通过, 已驳回, 已撤回. */
export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The business licence (营业执照): pdf, png or jpeg, at most 5 MB. */
export const LICENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type LicenceContentType = (typeof LICENCE_TYPES)[number];
export const MAX_LICENCE_BYTES = 5 * 1024 * 1024;

/** A one-line text: trimmed, no control or direction-changing characters, something visible. */
const line = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !/[\n\r\t]/.test(s) && !CONTROL.test(s) && !BIDI.test(s), { message: fieldMessage(msg('field.noControlCharacters')) })
    .refine(hasVisible, { message: fieldMessage(msg('field.visibleCharacters')) });

/** 统一社会信用代码: 18 characters with GB 32100-2015's check character (lib/providers/credit-code.ts). */
export const creditCodeField = z.string().superRefine((code, ctx) => {
  const problem = creditCodeProblem(code);
  if (problem === 'shape') ctx.addIssue({ code: 'custom', message: fieldMessage(msg('field.creditCodeShape')) });
  if (problem === 'check') ctx.addIssue({ code: 'custom', message: fieldMessage(msg('field.creditCodeCheck')) });
});

/** A mainland mobile number: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9]\d{9}$/;

export const applicationFields = {
  companyName: line(2, 50),
  creditCode: creditCodeField,
  contactName: line(1, 30),
  contactPhone: z.string().regex(MOBILE, fieldMessage(msg('field.mobilePhone'))),
  contactEmail: z.string().trim().max(254).pipe(z.email()),
  serviceTypes: z
    .array(z.enum(SERVICE_TYPES))
    .min(1)
    .max(SERVICE_TYPES.length)
    .refine((t) => new Set(t).size === t.length, { message: fieldMessage(msg('field.serviceTypesRepeat')) }),
  licence: z.string().regex(ID_PATTERN, fieldMessage(msg('field.notLicenceId'))).meta({ description: 'the licenceId of an upload granted by POST /provider-applications/licences' }),
};

/** `POST /provider-applications`: every field, and nothing else (an unknown field is refused, spec 9). */
export const applicationBody = z.strictObject(applicationFields);
export type ApplicationInput = z.infer<typeof applicationBody>;

/** `PATCH /provider-applications/{id}`: any of them, at least one (edit and resubmit). */
export const applicationPatchBody = z
  .strictObject(Object.fromEntries(Object.entries(applicationFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof applicationFields]: z.ZodOptional<(typeof applicationFields)[K]> })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: fieldMessage(msg('field.someChange')) });
export type ApplicationPatch = z.infer<typeof applicationPatchBody>;

/** Approve: the version the operator saw. Reject: the version and a reason. */
export const approveBody = z.strictObject({ version: z.number().int().min(1).max(1_000_000) });
export const rejectApplicationBody = approveBody.extend({ reason: line(1, 500) });

export const applicationIdParams = z.object({ applicationId: z.string().regex(ID_PATTERN) });

export const licenceGrantBody = grantBodyFor(LICENCE_TYPES, MAX_LICENCE_BYTES);

export const myApplicationsQuery = z.object({ ...pageParams });
export const applicationQueueQuery = z.object({ ...pageParams, status: z.enum(APPLICATION_STATUSES).default('pending') });

// ---- Stored

/** What an application keeps of its licence: the checked copy it serves (lib/attachments' first-reference check). */
export const licenceRefSchema = z.object({
  licenceId: z.string(),
  fileName: z.string(),
  contentType: z.enum(LICENCE_TYPES),
  size: z.number(),
  objectKey: z.string(),
  verifiedKey: z.string(),
  verifiedETag: z.string(),
});
export type LicenceRef = z.infer<typeof licenceRefSchema>;

export const decisionSchema = z.object({
  decision: z.enum(['approved', 'rejected']),
  reason: z.string().optional(),
  operatorId: z.string(),
  at: z.string(),
});

export const applicationItemSchema = z.object({
  applicationId: z.string(),
  applicantId: z.string(),
  /** The applicant's name and email when they applied: what their membership carries on approval. */
  applicant: z.object({ displayName: z.string(), email: z.string() }),
  companyName: z.string(),
  creditCode: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)),
  licence: licenceRefSchema,
  status: z.enum(APPLICATION_STATUSES),
  version: z.number().int(),
  submittedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Every decision, oldest first (the latest rejection's reason is what the applicant addresses). */
  decisions: z.array(decisionSchema),
  /** The organisation an approval created. */
  providerId: z.string().optional(),
});
export type ApplicationItem = z.infer<typeof applicationItemSchema>;

/** A licence upload granted to a person (the bytes are in S3). */
export const licenceItemSchema = z.object({
  licenceId: z.string(),
  ownerId: z.string(),
  fileName: z.string(),
  contentType: z.enum(LICENCE_TYPES),
  size: z.number(),
  objectKey: z.string(),
  createdAt: z.string(),
  /** TTL (seconds): a grant never referenced goes after a day; the first reference removes it. */
  expiresAt: z.number().optional(),
  verifiedAt: z.string().optional(),
  storedSize: z.number().optional(),
  verifiedKey: z.string().optional(),
  verifiedETag: z.string().optional(),
});
export type LicenceItem = z.infer<typeof licenceItemSchema>;

export const applicationEntrySchema = z.object({
  entity: z.literal('application'),
  entryId: z.string(),
  applicationId: z.string(),
  action: z.enum(['approve', 'reject']),
  actor: z.string(),
  role: z.literal('operator'),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type ApplicationEntry = z.infer<typeof applicationEntrySchema>;

// ---- Views

export const applicationView = z
  .object({
    applicationId: z.string(),
    applicantId: z.string(),
    applicant: z.object({ displayName: z.string(), email: z.string() }),
    companyName: z.string(),
    creditCode: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
    contactEmail: z.string(),
    serviceTypes: z.array(z.enum(SERVICE_TYPES)),
    licence: z.object({ licenceId: z.string(), fileName: z.string(), contentType: z.enum(LICENCE_TYPES), size: z.number().int() }),
    status: z.enum(APPLICATION_STATUSES),
    statusLabel: z.object({ zh: z.string(), en: z.string() }).meta({ description: '待审核 / 已通过 / 已驳回 / 已撤回' }),
    reason: z.string().optional().meta({ description: 'the rejection’s reason, while rejected' }),
    version: z.number().int().meta({ description: 'send it to approve or reject' }),
    submittedAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    decisions: z.array(decisionSchema),
    providerId: z.string().optional().meta({ description: 'the organisation created on approval' }),
  })
  .meta({ id: 'ProviderApplication' });
export type ApplicationView = z.infer<typeof applicationView>;

export const applicationPageView = pageOf(applicationView).meta({ id: 'ProviderApplicationPage' });

export const licenceGrantView = uploadGrantView
  .omit({ attachmentId: true })
  .extend({ licenceId: z.string(), contentType: z.enum(LICENCE_TYPES) })
  .meta({ id: 'LicenceUploadGrant' });
