import type { DeliveryItem, DeliveryView, WebhookItem, WebhookView } from './schemas';

/** The endpoint as `GET` shows it: never the secret, which only `PUT` returns, once. */
export const toWebhookView = (w: WebhookItem): WebhookView => ({
  url: w.url,
  enabled: w.enabled,
  ...(w.disabledReason ? { disabledReason: w.disabledReason } : {}),
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
});

export const toDeliveryView = (d: DeliveryItem): DeliveryView => ({
  deliveryId: d.deliveryId,
  webhookId: `msg_${d.deliveryId}`,
  eventType: d.eventType,
  orderId: d.orderId ?? null,
  url: d.url,
  status: d.status,
  attempts: d.attempts,
  attemptCount: d.attempts.length,
  /** The HTTP status of the latest attempt, if the endpoint answered. */
  responseCode: d.attempts.at(-1)?.statusCode ?? null,
  nextAttemptAt: d.status === 'pending' ? (d.nextAttemptAt ?? null) : null,
  createdAt: d.createdAt,
});
