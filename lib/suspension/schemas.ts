import { z } from 'zod';
import { pageOf, pageParams } from '../shared/pagination';
import { fieldMessage, msg } from '../i18n';
import { ORGANISATION_STATUSES } from '../providers/items';

/** An organisation's id: a ULID, or the user id (`sub`) of a provider migrated from one login. */
export const providerIdParams = z.object({ providerId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, fieldMessage(msg('field.notUserId'))) });

/** 统一社会信用代码 as a filter: 18 characters of its alphabet (the check character is the application's business). */
const creditCode = z.string().trim().toUpperCase().regex(/^[0-9A-Z]{18}$/);

/** GET /operator/providers: each filter is a key condition (docs/decisions.md). */
export const operatorProvidersQuery = z.object({
  ...pageParams,
  /** A prefix of the organisation's name. */
  name: z.string().trim().min(1).max(50).optional(),
  creditCode: creditCode.optional(),
  status: z.enum(ORGANISATION_STATUSES).optional(),
});
export type OperatorProvidersQuery = z.infer<typeof operatorProvidersQuery>;

/** 暂停: the reason is required; the organisation's members read it. */
export const suspendBody = z.object({ reason: z.string().trim().min(1).max(500) });
/** 恢复: an optional note. */
export const reinstateBody = z.object({ reason: z.string().trim().min(1).max(500).optional() }).default({});

export const operatorOrganisationView = z
  .object({
    providerId: z.string(),
    name: z.string(),
    creditCode: z.string().optional(),
    status: z.enum(ORGANISATION_STATUSES),
    statusLabel: z.string().meta({ description: 'the status in Chinese, as the console shows it: 正常 / 已暂停' }),
    contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).optional(),
    serviceTypes: z.array(z.string()).optional(),
    admins: z.number().int(),
    suspension: z
      .object({ reason: z.string(), at: z.string(), by: z.string() })
      .optional()
      .meta({ description: 'while suspended: why, when and by which operator' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OperatorOrganisation' });
export type OperatorOrganisationView = z.infer<typeof operatorOrganisationView>;

export const operatorOrganisationPage = pageOf(operatorOrganisationView).meta({ id: 'OperatorOrganisationPage' });
