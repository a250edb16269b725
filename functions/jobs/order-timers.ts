import type { Context, ScheduledEvent } from 'aws-lambda';
import { config } from '../../lib/config';
import { logger } from '../../lib/observability/logger';
import { runOrderTimers } from '../../lib/orders/timers';

/** Every minute: reminders and timeouts of supervised orders. The event's time is the job's clock. */
export const handler = async (event: Partial<ScheduledEvent>, context?: Context) => {
  if (context) logger.addContext(context);
  const now = event.time ? new Date(event.time) : new Date();
  const run = await runOrderTimers(Number.isNaN(now.getTime()) ? new Date() : now, config.orders);
  logger.info('order timers', { ...run, at: now.toISOString() });
  return run;
};
