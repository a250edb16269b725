import type { Context, EventBridgeEvent } from 'aws-lambda';
import { eventFrom } from '../../lib/events/bus';
import { logger } from '../../lib/observability/logger';
import { notifyInboxes } from '../../lib/notifications/fanout';

/** Consumer of every domain event: the in-app notifications (站内信) of the parties concerned. */
export const handler = async (invocation: EventBridgeEvent<string, unknown>, context?: Context) => {
  if (context) logger.addContext(context);
  const event = eventFrom(invocation);
  const outcome = await notifyInboxes(event);
  logger.debug('inbox', { id: event.id, type: event.type, outcome });
  return outcome;
};
