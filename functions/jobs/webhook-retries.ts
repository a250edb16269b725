import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger } from '../../lib/observability/logger';
import { runWebhookRetries } from '../../lib/webhooks/dispatch';

/** Every minute: the webhook deliveries whose next attempt is due. The event's time is the job's clock. */
export const handler = async (event: Partial<ScheduledEvent>, context?: Context) => {
  if (context) logger.addContext(context);
  const at = event.time ? new Date(event.time) : new Date();
  const counts = await runWebhookRetries(Number.isNaN(at.getTime()) ? new Date() : at);
  logger.info('webhook retries', counts);
  return counts;
};
