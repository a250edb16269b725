import { defineItem } from '../../db/item';
import { keys } from '../../db/keys';
import { applicationEntrySchema, applicationItemSchema, licenceItemSchema } from './schemas';

/** A provider application (入驻): the company's details, its licence, its status and decisions. */
export const applicationItem = defineItem({
  name: 'provider application',
  type: 'application',
  home: 'lib/providers/applications/items.ts',
  description: 'A person’s application to become a provider (入驻): the company’s details, the checked licence, status, decisions.',
  schema: applicationItemSchema,
  key: (a: { applicationId: string }) => keys.application(a.applicationId),
  indexes: {
    GSI1: {
      pk: { uses: ['applicantId'], build: (a) => keys.applicantApplications(a.applicantId) },
      sk: { uses: ['createdAt', 'applicationId'], build: (a) => keys.sortByTime(a.createdAt, a.applicationId) },
      serves: ['a person’s own applications, newest first (`GET /provider-applications/mine`)'],
    },
    GSI2: {
      pk: { uses: ['status'], build: (a) => keys.applicationsIn(a.status) },
      sk: { uses: ['submittedAt', 'applicationId'], build: (a) => keys.sortByTime(a.submittedAt, a.applicationId) },
      serves: ['the operator’s 入驻审核 queue by status, oldest submission first (`GET /operator/provider-applications`)'],
    },
  },
});

/** One decision on an application, in its partition: the stream makes it `provider.application_decided`. */
export const applicationEntryItem = defineItem({
  name: 'provider application decision',
  type: 'timeline',
  home: 'lib/providers/applications/items.ts',
  description: 'An operator’s decision on an application (approve, reject), in the application’s partition: its domain event’s source.',
  schema: applicationEntrySchema,
  key: (e: { applicationId: string; at: string; entryId: string }) => keys.applicationTimeline(e.applicationId, e.at, e.entryId),
});

/** A business licence upload granted to a person (the bytes are in S3). */
export const licenceItem = defineItem({
  name: 'licence upload',
  type: 'licence',
  home: 'lib/providers/applications/items.ts',
  description: 'A business licence upload granted to a person (the bytes are in S3); TTL a day until an application references it.',
  schema: licenceItemSchema,
  key: (l: { licenceId: string }) => keys.licence(l.licenceId),
});
