import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';
import { memberRoleSchema } from './roles';

export const ORGANISATION_STATUSES = ['active', 'suspended'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

export const organisationSchema = z.object({
  providerId: z.string(),
  name: z.string(),
  /** 统一社会信用代码; absent on organisations migrated from one-login providers. */
  creditCode: z.string().optional(),
  status: z.enum(ORGANISATION_STATUSES),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).optional(),
  serviceTypes: z.array(z.string()).optional(),
  /** How many members are administrators (the last one can be neither removed nor demoted). */
  admins: z.number().int().min(0),
  suspension: z.object({ reason: z.string(), at: z.string(), by: z.string() }).optional(),
  /** The application it was approved from (absent on migrated organisations). */
  applicationId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

/**
 * A provider organisation (spec 2.1): the company that owns products and orders (`providerId`). Organisations
 * migrated from one-login providers keep that provider's user id as their `providerId`.
 */
export const organisationItem = defineItem({
  name: 'organisation',
  type: 'organisation',
  home: 'lib/providers/items.ts',
  description: 'A provider organisation: its name, credit code, status, contact and count of administrators.',
  schema: organisationSchema,
  key: (o: { providerId: string }) => keys.organisation(o.providerId),
  indexes: {
    GSI7: {
      pk: { uses: [], build: () => keys.allOrganisations },
      sk: { uses: ['name', 'providerId'], build: (o) => keys.organisationSort(o.name, o.providerId) },
      serves: ['the operator’s organisations by name, or a name prefix (`GET /operator/providers?name=`); the organisations an operator’s order or product search names by a name prefix (`providerName`, at most 5)'],
    },
    GSI8: {
      pk: { uses: ['status'], build: (o) => keys.organisationsIn(o.status) },
      sk: { uses: ['name', 'providerId'], build: (o) => keys.organisationSort(o.name, o.providerId) },
      serves: ['the operator’s organisations in one status, by name (`GET /operator/providers?status=`)'],
    },
  },
});

export const creditCodeSchema = z.object({
  creditCode: z.string(),
  providerId: z.string(),
  applicationId: z.string().optional(),
});

/**
 * A credit code taken by an organisation: put with `attribute_not_exists(PK)` in the approval's transaction,
 * so that one credit code makes one organisation however many approvals race; also the lookup by credit
 * code (`GET /operator/providers?creditCode=`, one GetItem).
 */
export const creditCodeItem = defineItem({
  name: 'credit code',
  type: 'creditCode',
  home: 'lib/providers/items.ts',
  description: 'The guard making one organisation per credit code, and the lookup by credit code.',
  schema: creditCodeSchema,
  key: (c: { creditCode: string }) => keys.creditCode(c.creditCode),
});

export const membershipSchema = z.object({
  userId: z.string(),
  providerId: z.string(),
  role: memberRoleSchema,
  /** The organisation's name, copied so that a person's memberships answer with names in one read. */
  organisationName: z.string(),
  displayName: z.string(),
  email: z.string(),
  joinedAt: z.string(),
  updatedAt: z.string().optional(),
});
export type MembershipItem = z.infer<typeof membershipSchema>;

/**
 * One person's membership of one organisation, in the person's own partition: the per-request check reads
 * it there (one strongly consistent Query of `USER#<sub>`), and the organisation's team list is GSI1.
 */
export const membershipItem = defineItem({
  name: 'membership',
  type: 'membership',
  home: 'lib/providers/items.ts',
  description: 'A person’s membership of an organisation, with their member role.',
  schema: membershipSchema,
  key: (m: { userId: string; providerId: string }) => keys.membership(m.userId, m.providerId),
  indexes: {
    GSI1: {
      pk: { uses: ['providerId'], build: (m) => keys.organisationMembers(m.providerId) },
      sk: { uses: ['joinedAt', 'userId'], build: (m) => keys.sortByTime(m.joinedAt, m.userId) },
      serves: ['an organisation’s team, oldest member first (`GET /provider/members`); the recipients of its notifications'],
    },
  },
});
