import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { dashboardListener } from '../../lib/dashboard/repository';
import { logger } from '../../lib/http/route';
import { notifyFromImage } from '../../lib/notifications/fanout';
import { timelineInsertOf } from '../../lib/notifications/stream-record';
import { deliverOrderEvent } from '../../lib/webhooks/dispatch';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

// A first webhook attempt is made inline only while the invocation has time to spare; otherwise the
// delivery waits for the retry job, so a slow endpoint cannot time the stream out for everyone.
const INLINE_ATTEMPT_BUDGET_MS = 20_000;

const onRecord = async (record: DynamoDBRecord, context?: Context) => {
  const entry = timelineInsertOf(record);
  if (!entry) return;
  const attemptNow = (context?.getRemainingTimeInMillis?.() ?? Infinity) > INLINE_ATTEMPT_BUDGET_MS;
  try {
    const outcome = await notifyFromImage(entry, [dashboardListener, (e, order) => deliverOrderEvent(e, order, new Date(), attemptNow)]);
    logger.debug('stream record', { entryId: entry.entryId, action: entry.action, outcome });
  } catch (err) {
    // reported to the event source as this record's failure; logged so the cause is visible
    logger.error('stream record failed', { sequenceNumber: record.dynamodb?.SequenceNumber, entryId: entry.entryId, error: err as Error });
    throw err;
  }
};

/**
 * The table's stream: every new timeline entry becomes notifications (and webhook deliveries). Records
 * are taken in order, so a provider's endpoint hears of an order's events in the order they happened.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, onRecord, processor, { context, processInParallel: false });
