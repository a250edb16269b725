import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../lib/http/route';
import { notifyFromImage } from '../../lib/notifications/fanout';
import { timelineInsertOf } from '../../lib/notifications/stream-record';
import { deliverOrderEvent } from '../../lib/webhooks/dispatch';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

const onRecord = async (record: DynamoDBRecord) => {
  const entry = timelineInsertOf(record);
  if (!entry) return;
  try {
    const outcome = await notifyFromImage(entry, [deliverOrderEvent]);
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
