import type { Context, EventBridgeEvent } from 'aws-lambda';
import { eventFrom } from '../../lib/events/bus';
import { pushEvent } from '../../lib/live/push';
import { logger } from '../../lib/observability/logger';

/** Consumer of every domain event: the open consoles of the people who may see the change are told of it. */
export const handler = async (invocation: EventBridgeEvent<string, unknown>, context?: Context) => {
  if (context) logger.addContext(context);
  return pushEvent(eventFrom(invocation));
};
