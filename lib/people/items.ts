import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';
import { profileSchema } from './schemas';

/**
 * A person's profile (spec 2.1 Accounts), in their own partition after their memberships, so the one Query of
 * a provider request (`loadPerson`) reads it too. Made on first read from the email the user pool holds.
 */
export const profileItem = defineItem({
  name: 'profile',
  type: 'profile',
  home: 'lib/people/items.ts',
  description: 'A person’s display name, phone, language and email preferences (`GET`/`PUT /me`).',
  schema: profileSchema,
  key: (p: { userId: string }) => keys.profile(p.userId),
});

/** One event mailed to one recipient: put before the send, so a redelivered event mails nobody twice. */
export const emailMarkItem = defineItem({
  name: 'email mark',
  type: 'email-mark',
  home: 'lib/people/items.ts',
  description: 'An event already mailed to a recipient (conditional put); TTL a day, as long as the bus redelivers.',
  schema: z.object({ expiresAt: z.number().int().positive() }),
  key: (m: { eventId: string; recipientId: string }) => keys.emailMark(m.eventId, m.recipientId),
  keyOnly: ['eventId', 'recipientId'],
});
