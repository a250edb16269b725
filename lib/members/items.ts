import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';
import { memberRoleSchema } from '../providers/roles';

export const invitationSchema = z.object({
  /** The SHA-256 of the token (base64url): the key, and the id an administrator revokes by. */
  invitationId: z.string(),
  providerId: z.string(),
  organisationName: z.string(),
  /** Lower-cased. */
  email: z.string(),
  role: memberRoleSchema,
  invitedBy: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked']),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedBy: z.string().optional(),
  acceptedAt: z.string().optional(),
  revokedAt: z.string().optional(),
  /** Epoch seconds: DynamoDB removes the record a while after it expired. */
  ttl: z.number().int(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/**
 * An invitation to join an organisation (spec 2.1), keyed by the hash of its token: the token itself is stored
 * nowhere (docs/decisions.md, "Members, invitations and suspension").
 */
export const invitationItem = defineItem({
  name: 'invitation',
  type: 'invitation',
  home: 'lib/members/items.ts',
  description: 'An invitation to an organisation by email with a role, keyed by the SHA-256 of its single-use token; 7 days.',
  schema: invitationSchema,
  key: (i: { invitationId: string }) => keys.invitation(i.invitationId),
  keyDoc: { PK: 'INVITATION#<SHA-256 of the token>' },
  indexes: {
    GSI1: {
      when: { uses: ['status'], test: (i) => i.status === 'pending', doc: 'while pending' },
      pk: { uses: ['providerId'], build: (i) => keys.organisationInvitations(i.providerId) },
      sk: { uses: ['expiresAt', 'invitationId'], build: (i) => keys.sortByTime(i.expiresAt, i.invitationId) },
      serves: ['an organisation’s pending invitations, by expiry: the unexpired ones are a key condition (`GET /provider/invitations`)'],
    },
  },
});
