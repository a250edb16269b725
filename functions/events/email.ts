import type { Context, EventBridgeEvent } from 'aws-lambda';
import { eventFrom } from '../../lib/events/bus';
import { logger } from '../../lib/observability/logger';
import { mailNotifications } from '../../lib/people/email-notifications';

/** Consumer of every domain event: the notifications their recipients chose to get by email (spec 2.1 Email). */
export const handler = async (invocation: EventBridgeEvent<string, unknown>, context?: Context) => {
  if (context) logger.addContext(context);
  const event = eventFrom(invocation);
  const outcome = await mailNotifications(event);
  logger.debug('email', { id: event.id, type: event.type, outcome });
  return outcome;
};
