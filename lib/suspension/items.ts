import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';

/** An organisation's timeline entry: an operator suspended or reinstated it (the stream makes the event). */
export const organisationEntrySchema = z.object({
  entity: z.literal('organisation'),
  entryId: z.string(),
  providerId: z.string(),
  action: z.enum(['suspend', 'reinstate']),
  actor: z.string(),
  role: z.literal('operator'),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type OrganisationEntry = z.infer<typeof organisationEntrySchema>;

export const organisationEntryItem = defineItem({
  name: 'organisation timeline entry',
  type: 'timeline',
  home: 'lib/suspension/items.ts',
  description: 'An operator suspended or reinstated an organisation (with the reason), in the organisation’s partition.',
  schema: organisationEntrySchema,
  key: (e: { providerId: string; at: string; entryId: string }) => keys.organisationTimeline(e.providerId, e.at, e.entryId),
});
