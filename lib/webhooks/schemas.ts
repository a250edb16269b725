import { z } from 'zod';
import { ID_PATTERN } from '../shared/ids';
import { pageParams } from '../shared/pagination';

export const putWebhookBody = z.object({
  url: z.string().trim().min(1).max(2048),
  /** `false` keeps the endpoint registered but sends nothing to it (deliveries are not created). */
  enabled: z.boolean().default(true),
});

export const webhookItemSchema = z.object({
  providerId: z.string(),
  url: z.string(),
  /** The signing secret sealed (lib/shared/secret-box.ts): what every endpoint registered since has. */
  sealedSecret: z.string().optional(),
  /** The signing secret in plain text, as endpoints registered before sealing kept it: read, never written. */
  secret: z.string().optional(),
  enabled: z.boolean(),
  disabledReason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookItem = z.infer<typeof webhookItemSchema>;

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'gone'] as const;

export const attemptSchema = z.object({
  at: z.string(),
  statusCode: z.number().optional(),
  error: z.string().optional(),
  durationMs: z.number(),
});

export const deliveryItemSchema = z.object({
  deliveryId: z.string(),
  providerId: z.string(),
  eventType: z.string(),
  /** Absent on a test `ping`. */
  orderId: z.string().optional(),
  url: z.string(),
  payload: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.array(attemptSchema),
  attemptCount: z.number(),
  nextAttemptAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeliveryItem = z.infer<typeof deliveryItemSchema>;

export const deliveriesQuery = z.object({ ...pageParams, status: z.enum(DELIVERY_STATUSES).optional() });

export const deliveryIdParams = z.object({ deliveryId: z.string().regex(ID_PATTERN) });

// ---- Views: what the API answers (the mappers in views.ts are typed by these; the OpenAPI document is built from them).

export const webhookView = z
  .object({
    url: z.string(),
    enabled: z.boolean(),
    disabledReason: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Webhook' });
export type WebhookView = z.infer<typeof webhookView>;

/** `PUT /provider/webhook`'s answer: the only time the signing secret is shown. */
export const webhookSecretView = z
  .object({ url: z.string(), secret: z.string().meta({ description: 'whsec_…, the Standard Webhooks signing secret' }), enabled: z.boolean() })
  .meta({ id: 'WebhookWithSecret' });
export type WebhookSecretView = z.infer<typeof webhookSecretView>;

export const deliveryView = z
  .object({
    deliveryId: z.string(),
    webhookId: z.string().meta({ description: 'the `webhook-id` header, the same on every attempt' }),
    eventType: z.string(),
    orderId: z.string().nullable().meta({ description: 'null for a test ping' }),
    url: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.array(attemptSchema),
    attemptCount: z.number().int(),
    responseCode: z.number().int().nullable().meta({ description: 'the HTTP status of the latest attempt, if the endpoint answered' }),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Delivery' });
export type DeliveryView = z.infer<typeof deliveryView>;
