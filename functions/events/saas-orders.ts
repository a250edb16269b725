import type { Context, EventBridgeEvent } from 'aws-lambda';
import { config } from '../../lib/config';
import { eventFrom } from '../../lib/events/bus';
import { isOrderEvent } from '../../lib/events/contracts';
import { logger } from '../../lib/observability/logger';
import { settleSaasOrderNow } from '../../lib/orders/saas-job';
import { sendSaasCall } from '../../lib/orders/saas-sender';

const SAAS_STATUSES = new Set(['provisioning', 'active', 'expired', 'destroyed']);

/**
 * Consumer of the order events of SaaS orders (a SaaS status before or after): sends at once what the change
 * queued (the purchase's createInstance, a renewal's renewInstance, a refund's destroyInstance …). Each attempt
 * is claimed, so a redelivered event, or the job running beside it, sends nothing twice; what fails here is
 * retried by the job (functions/jobs/saas-orders.ts).
 */
export const handler = async (invocation: EventBridgeEvent<string, unknown>, context?: Context) => {
  if (context) logger.addContext(context);
  const event = eventFrom(invocation);
  if (!isOrderEvent(event)) return 'ignored';
  const { from, to, orderId } = event.data;
  if (!SAAS_STATUSES.has(to) && !(from && SAAS_STATUSES.has(from))) return 'ignored';
  const run = await settleSaasOrderNow(orderId, new Date(), config.orders, sendSaasCall);
  logger.debug('saas order event', { id: event.id, orderId, ...run });
  return run;
};
