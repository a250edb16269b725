import { Webhook } from 'standardwebhooks';
import { config } from '../config';
import { forEachDuePage } from '../db/due';
import { keys } from '../db/keys';
import type { OrderEvent } from '../events/contracts';
import { orderOf } from '../events/order';
import { inChainsPerProvider } from '../outbound/chains';
import { postJson } from '../outbound/post';
import { claimAttempt, createDelivery, disableWebhook, getWebhook, parseDelivery, recordAttempt, signingSecretOf } from './repository';
import type { DeliveryItem } from './schemas';

/** Growing delays after each failed attempt: 1 min … 10 h, about 28 hours in all. */
export const RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
const TIMEOUT_MS = 5_000;
/** The webhook consumer's first attempts wait less: what does not answer by then is the retry job's. */
export const FIRST_ATTEMPT_TIMEOUT_MS = 2_000;
const LEASE_MS = 60_000;

export interface SendResult {
  statusCode?: number;
  error?: string;
}

/** POSTs a delivery through the shared outbound caller (address policy, deadline, no redirects, capped answer). */
const post = async (url: string, headers: Record<string, string>, body: string, timeoutMs = TIMEOUT_MS): Promise<SendResult> => {
  const r = await postJson(url, body, { headers, timeoutMs, allowLoopback: config.webhookAllowLoopback, maxAnswerBytes: 4096 });
  return { ...(r.statusCode !== undefined ? { statusCode: r.statusCode } : {}), ...(r.error ? { error: r.error } : {}) };
};

/** The Standard Webhooks headers of one attempt: the same id on every retry, a fresh timestamp and signature. */
export const signedHeaders = (secret: string, deliveryId: string, payload: string, at: Date) => {
  const id = `msg_${deliveryId}`;
  return {
    'webhook-id': id,
    'webhook-timestamp': Math.floor(at.getTime() / 1000).toString(),
    'webhook-signature': new Webhook(secret).sign(id, at, payload),
  };
};

/** One attempt of a delivery, if this sender wins the claim; then its outcome and the next retry. */
export const attemptDelivery = async (
  d: DeliveryItem,
  now: Date,
  /** `retries: false` records a failure as final (a test event is sent once). */
  { timeoutMs = TIMEOUT_MS, retries = true }: { timeoutMs?: number; retries?: boolean } = {},
) => {
  if (!(await claimAttempt(d, now, LEASE_MS))) return 'claimed-elsewhere' as const;
  const webhook = await getWebhook(d.providerId);
  const started = Date.now();
  let result: SendResult;
  if (!webhook || !webhook.enabled) result = { error: 'the endpoint is disabled' };
  // the signature carries the moment of sending (receivers check it is recent), not the job's clock
  else result = await post(webhook.url, signedHeaders(await signingSecretOf(webhook), d.deliveryId, d.payload, new Date()), d.payload, timeoutMs);
  const attempt = { at: now.toISOString(), ...result, durationMs: Date.now() - started };
  const attemptsSoFar = d.attemptCount + 1;
  if (result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300) {
    await recordAttempt(d, attempt, { status: 'succeeded' });
    return 'succeeded' as const;
  }
  if (result.statusCode === 410 && webhook) {
    await recordAttempt(d, attempt, { status: 'gone' });
    await disableWebhook(d.providerId, webhook.url, 'gone', now);
    return 'gone' as const;
  }
  const delay = RETRY_DELAYS_MS[attemptsSoFar - 1];
  if (delay === undefined || !webhook?.enabled || !retries) {
    await recordAttempt(d, attempt, { status: 'failed' });
    return 'failed' as const;
  }
  await recordAttempt(d, attempt, { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay).toISOString() });
  return 'retrying' as const;
};

/**
 * The webhook consumer's record: an order event of a provider with an enabled endpoint becomes one delivery
 * (once, whatever the redeliveries: keyed by the event id), due at once in the retry index, its body the event
 * itself. Returns the delivery when it is new, for `sendFirstAttempts`; nothing is sent here.
 */
export const deliverOrderEvent = async (event: OrderEvent, now = new Date()): Promise<DeliveryItem | undefined> => {
  const order = await orderOf(event);
  const webhook = await getWebhook(order.providerId);
  if (!webhook?.enabled) return;
  const delivery: DeliveryItem = {
    deliveryId: event.id,
    providerId: order.providerId,
    eventType: event.type,
    orderId: order.orderId,
    url: webhook.url,
    payload: JSON.stringify(event),
    status: 'pending',
    attempts: [],
    attemptCount: 0,
    nextAttemptAt: now.toISOString(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return (await createDelivery(delivery)) ? delivery : undefined;
};

/**
 * The first attempts of a batch's new deliveries: one chain per provider, all chains at once, so one
 * provider's slow endpoint never delays another's. A chain goes in event order and stops at its first
 * failure (the rest are already due in the retry index, so the retry job sends them, still in order).
 */
export const sendFirstAttempts = (deliveries: DeliveryItem[], now: Date, timeoutMs = FIRST_ATTEMPT_TIMEOUT_MS) =>
  // a chain stopped by a failure, or by the table failing us mid-chain, leaves its deliveries recorded and due
  inChainsPerProvider(deliveries, (d) => d.providerId, async (d) => (await attemptDelivery(d, now, { timeoutMs })) === 'succeeded');

/** The retry job: every delivery whose next attempt is due, across the retry shards, page by page. */
export const runWebhookRetries = async (now: Date) => {
  const counts = { due: 0, succeeded: 0, retrying: 0, failed: 0, gone: 0, skipped: 0 };
  await Promise.all(
    keys.retryShards().map((shard) =>
      forEachDuePage(shard, now, 100, async (items) => {
        for (const item of items) {
          counts.due++;
          const outcome = await attemptDelivery(parseDelivery(item), now);
          if (outcome === 'claimed-elsewhere') counts.skipped++;
          else counts[outcome]++;
        }
      }),
    ),
  );
  return counts;
};

