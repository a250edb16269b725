import type { Context, ScheduledEvent } from 'aws-lambda';
import { config } from '../../lib/config';
import { logger } from '../../lib/observability/logger';
import { runSaasOrders } from '../../lib/orders/saas-job';
import { sendSaasCall } from '../../lib/orders/saas-sender';

/** Every minute: SaaS orders' calls and retries, expiry and destruction, giving up provisioning. The event's time is the job's clock. */
export const handler = async (event: Partial<ScheduledEvent>, context?: Context) => {
  if (context) logger.addContext(context);
  const parsed = event.time ? new Date(event.time) : new Date();
  const now = Number.isNaN(parsed.getTime()) ? new Date() : parsed;
  const run = await runSaasOrders(now, config.orders, sendSaasCall);
  logger.info('saas orders', { ...run, at: now.toISOString() });
  return run;
};
