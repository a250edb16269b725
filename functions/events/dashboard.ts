import type { Context, EventBridgeEvent } from 'aws-lambda';
import { eventFrom } from '../../lib/events/bus';
import { isOrderEvent } from '../../lib/events/contracts';
import { countOrderEvent } from '../../lib/dashboard/repository';
import { logger } from '../../lib/observability/logger';

/** Consumer of the order events: the provider's dashboard counters (once per event id). */
export const handler = async (invocation: EventBridgeEvent<string, unknown>, context?: Context) => {
  if (context) logger.addContext(context);
  const event = eventFrom(invocation);
  if (!isOrderEvent(event)) return false;
  const counted = await countOrderEvent(event);
  logger.debug('dashboard', { id: event.id, type: event.type, counted });
  return counted;
};
