import { z } from 'zod';
import { fieldMessage, msg } from '../i18n';
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
  /** The test instance 接口调试's createInstance made: what its other actions work on. */
  debugInstance: z.object({ orderId: z.string(), signId: z.string() }).optional(),
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

// ---- Requests

export const putSaasEndpointBody = z
  .object({
    url: z.string().trim().min(1).max(2048),
    /** The token the provider's endpoint checks signatures with: printable ASCII, no spaces. */
    token: z
      .string()
      .min(8)
      .max(256)
      .regex(/^[\x21-\x7e]+$/, fieldMessage(msg('field.saasTokenShape'))),
  })
  .strict();

export const debugSaasBody = z.object({ action: z.enum(SAAS_ACTIONS) }).strict();

/** A call id is its eventId: the platform's ids, and any id a lifecycle chose (letters, digits, `._:-`). */
export const saasCallIdParams = z.object({ callId: z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/) });

export const saasCallsQuery = z.object({ ...pageParams });

// ---- Views: what the API answers

const passedView = z.record(z.string(), z.string()).meta({ description: 'action → when it last passed 接口调试 against the endpoint as saved' });

export const saasEndpointView = z
  .object({
    url: z.string(),
    tokenSet: z.boolean().meta({ description: 'whether a token is stored (it is never shown)' }),
    verifiedAt: z.string(),
    passed: passedView,
    missing: z.array(z.enum(SAAS_ACTIONS)).meta({ description: 'the actions still to pass before a SaaS product can be submitted' }),
    updatedAt: z.string(),
  })
  .meta({ id: 'SaasEndpoint' });
export type SaasEndpointView = z.infer<typeof saasEndpointView>;

export const saasDebugView = z
  .object({
    action: z.enum(SAAS_ACTIONS),
    request: z.object({ method: z.literal('POST'), url: z.string(), body: z.record(z.string(), z.unknown()) }),
    response: z.object({ status: z.number().int().nullable(), body: z.unknown() }),
    latencyMs: z.number().int(),
    verdict: z.enum(['passed', 'failed']),
    reason: z.string().optional().meta({ description: 'why it failed' }),
    passed: passedView,
    missing: z.array(z.enum(SAAS_ACTIONS)),
  })
  .meta({ id: 'SaasDebugResult' });
export type SaasDebugView = z.infer<typeof saasDebugView>;

export const saasCallView = z
  .object({
    callId: z.string(),
    eventId: z.string().meta({ description: 'the same on every attempt and resend' }),
    action: z.enum(SAAS_ACTIONS),
    orderId: z.string().nullable(),
    status: z.enum(SAAS_CALL_STATUSES),
    httpStatus: z.number().int().nullable(),
    latencyMs: z.number().int(),
    signId: z.string().nullable(),
    error: z.string().nullable(),
    answer: z.string().nullable().meta({ description: 'the endpoint’s answer (its first 4,000 characters)' }),
    attempts: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SaasCall' });
export type SaasCallView = z.infer<typeof saasCallView>;
