import type { Context, EventBridgeEvent } from 'aws-lambda';
import { eventFrom } from '../../lib/events/bus';
import { isOrderEvent } from '../../lib/events/contracts';
import { logger } from '../../lib/observability/logger';
import { deliverOrderEvent, FIRST_ATTEMPT_TIMEOUT_MS, sendFirstAttempts } from '../../lib/webhooks/dispatch';

// The first attempt is made only while the invocation has time to spare beyond it; otherwise the delivery
// waits, due, for the retry job (functions/jobs/webhook-retries.ts), which makes every later attempt.
const INLINE_ATTEMPT_BUDGET_MS = FIRST_ATTEMPT_TIMEOUT_MS + 3_000;

/**
 * Consumer of the order events: the provider's webhook delivery recorded (once per event id, the event as
 * its body), then its first attempt within a short timeout. Only this consumer ever waits for an endpoint.
 */
export const handler = async (invocation: EventBridgeEvent<string, unknown>, context?: Context) => {
  if (context) logger.addContext(context);
  const event = eventFrom(invocation);
  if (!isOrderEvent(event)) return 'ignored';
  const delivery = await deliverOrderEvent(event, new Date());
  if (!delivery) return 'no-delivery';
  if ((context?.getRemainingTimeInMillis?.() ?? Infinity) <= INLINE_ATTEMPT_BUDGET_MS) return 'recorded';
  const attempts = await sendFirstAttempts([delivery], new Date());
  logger.debug('first webhook attempt', { id: event.id, ...attempts });
  return attempts.sent ? 'sent' : 'recorded';
};
