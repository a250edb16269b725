import type { DeliveryItem, DeliveryView, WebhookItem, WebhookView } from './schemas';
import { t, type Language } from '../i18n';

/** Why the platform stopped sending to an endpoint, by name (`webhook.disabled.<name>` in the catalogue). */
export type DisabledReason = 'gone';
const DISABLED_REASONS: readonly string[] = ['gone'] satisfies DisabledReason[];

/** A stored reason in the reader's language; a reason stored as English text before names were kept stays as it is. */
const reasonText = (reason: string, lang: Language) =>
  DISABLED_REASONS.includes(reason) ? t(lang, `webhook.disabled.${reason as DisabledReason}`) : reason;

/** The endpoint as `GET` shows it: never the secret, which only `PUT` returns, once. */
export const toWebhookView = (w: WebhookItem, lang: Language): WebhookView => ({
  url: w.url,
  enabled: w.enabled,
  ...(w.disabledReason ? { disabledReason: reasonText(w.disabledReason, lang) } : {}),
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
