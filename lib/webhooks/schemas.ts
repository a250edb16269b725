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
  secret: z.string(),
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
