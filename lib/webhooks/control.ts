import type { z } from 'zod';
import type { pingV1 } from '../events/contracts';
import { config } from '../config';
import { ConflictError, NotFoundError } from '../http/errors';
import { takeRateLimit } from '../shared/rate-limit';
import { newId } from '../shared/ids';
import { attemptDelivery } from './dispatch';
import { createDelivery, getDelivery, getOwnWebhook, reopenDelivery } from './repository';
import type { DeliveryItem, WebhookItem } from './schemas';
import { msg } from '../i18n';

const mustBeEnabled = (w: WebhookItem) => {
  if (!w.enabled) throw new ConflictError('WEBHOOK_DISABLED', msg('detail.webhookDisabled'));
};

/**
 * Every POST a provider asks for (a ping, a redelivery) counts against one per-provider limit, taken after the
 * endpoint is known to be enabled and before anything is written or sent: a refused one (429) changes nothing.
 */
const takeSend = (providerId: string, now: Date) => takeRateLimit(config.rateLimits.webhookSends, providerId, now);

const reread = async (deliveryId: string) => {
  const d = await getDelivery(deliveryId);
  if (!d) throw new NotFoundError('delivery');
  return d;
};

/**
 * Sends a signed `ping` now: a delivery of its own (in the log, with the endpoint's answer), attempted
 * once inline and never retried, so the answer says whether the endpoint verified and accepted it.
 */
export const sendTestPing = async (providerId: string, now: Date): Promise<DeliveryItem> => {
  const webhook = await getOwnWebhook(providerId);
  mustBeEnabled(webhook);
  await takeSend(providerId, now);
  const deliveryId = newId(now.getTime());
  const at = now.toISOString();
  const delivery: DeliveryItem = {
    deliveryId,
    providerId,
    eventType: 'ping',
    url: webhook.url,
    payload: JSON.stringify({ id: deliveryId, type: 'ping', version: 1, occurredAt: at, data: { providerId } } satisfies z.infer<typeof pingV1>),
    status: 'pending',
    attempts: [],
    attemptCount: 0,
    nextAttemptAt: at,
    createdAt: at,
    updatedAt: at,
  };
  await createDelivery(delivery);
  await attemptDelivery(delivery, now, { retries: false });
  return reread(deliveryId);
};

/**
 * Sends a failed or gone delivery again, with the same `webhook-id`: it goes back to pending (due now, so
 * the retry job takes it if this invocation dies) and is attempted once inline.
 */
export const redeliver = async (providerId: string, deliveryId: string, now: Date): Promise<DeliveryItem> => {
  mustBeEnabled(await getOwnWebhook(providerId));
  await takeSend(providerId, now);
  const reopened = await reopenDelivery(providerId, deliveryId, now);
  await attemptDelivery(reopened, now);
  return reread(deliveryId);
};
