import { z } from 'zod';
import { ID_PATTERN } from '../shared/ids';
import { pageParams } from '../shared/pagination';
import { SAAS_ACTIONS } from './protocol';

// ---- Stored items (parsed at the repository edge)

export const saasEndpointItemSchema = z.object({
  providerId: z.string(),
  url: z.string(),
  /** The token sealed (lib/shared/secret-box.ts, purpose `saas-endpoint-token`): never stored or shown in clear. */
  sealedToken: z.string(),
  /** Changes on every save: 接口调试's passes are recorded against it, so a new save clears them. */
  revision: z.string(),
  /** The actions that passed 接口调试 against this revision, with when. */
  passed: z.record(z.string(), z.string()).default({}),
  verifiedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SaasEndpointItem = z.infer<typeof saasEndpointItemSchema>;

export const SAAS_CALL_STATUSES = ['succeeded', 'failed', 'sending'] as const;
export type SaasCallStatus = (typeof SAAS_CALL_STATUSES)[number];

export const saasCallItemSchema = z.object({
  /** The call's `eventId`: the same on every attempt and resend. */
  callId: z.string(),
  providerId: z.string(),
  action: z.enum(SAAS_ACTIONS),
  orderId: z.string().optional(),
  url: z.string(),
  /** The JSON body sent (what a resend sends again). */
  request: z.string(),
  status: z.enum(SAAS_CALL_STATUSES),
  /** The latest attempt's outcome. */
  httpStatus: z.number().optional(),
  latencyMs: z.number(),
  signId: z.string().optional(),
  answer: z.string().optional(),
  error: z.string().optional(),
  attempts: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SaasCallItem = z.infer<typeof saasCallItemSchema>;
