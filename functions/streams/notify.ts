import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { dashboardListener } from '../../lib/dashboard/repository';
import { logger } from '../../lib/observability/logger';
import { notifyFromImage } from '../../lib/notifications/fanout';
import { timelineInsertOf } from '../../lib/notifications/stream-record';
import { deliverOrderEvent, sendFirstAttempts } from '../../lib/webhooks/dispatch';
import type { DeliveryItem } from '../../lib/webhooks/schemas';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

// First webhook attempts are made only while the invocation has time to spare; otherwise the deliveries
// wait for the retry job, so a slow endpoint cannot time the stream out for everyone.
const INLINE_ATTEMPT_BUDGET_MS = 20_000;

/** One record: its inbox notifications, and its webhook delivery recorded (not sent) into `deliveries`. */
const recordOf = (deliveries: DeliveryItem[]) => async (record: DynamoDBRecord) => {
  const entry = timelineInsertOf(record);
  if (!entry) return;
  try {
    const outcome = await notifyFromImage(entry, [
      dashboardListener,
      async (e, order) => {
        const delivery = await deliverOrderEvent(e, order, new Date());
        if (delivery) deliveries.push(delivery);
      },
    ]);
    logger.debug('stream record', { entryId: entry.entryId, action: entry.action, outcome });
  } catch (err) {
    // reported to the event source as this record's failure; logged so the cause is visible
    logger.error('stream record failed', { sequenceNumber: record.dynamodb?.SequenceNumber, entryId: entry.entryId, error: err as Error });
    throw err;
  }
};

/**
 * The table's stream: every new timeline entry becomes notifications and webhook deliveries. First every
 * record of the batch, in order (no webhook is called, so no inbox waits for one); then the batch's first
 * webhook attempts, each provider's in event order, providers side by side.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  const deliveries: DeliveryItem[] = [];
  const response = await processPartialResponse(event, recordOf(deliveries), processor, { context, processInParallel: false });
  if (deliveries.length && (context?.getRemainingTimeInMillis?.() ?? Infinity) > INLINE_ATTEMPT_BUDGET_MS) {
    const attempts = await sendFirstAttempts(deliveries, new Date());
    logger.debug('first webhook attempts', attempts);
  }
  return response;
};
