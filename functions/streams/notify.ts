import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../lib/http/route';
import { notifyFromImage } from '../../lib/notifications/fanout';
import { deliverOrderEvent } from '../../lib/webhooks/dispatch';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

/** DynamoDB Local's stream writes an empty map as `{}` with no type; AWS writes `{ M: {} }`. */
const repairEmptyMaps = (value: AttributeValue): AttributeValue => {
  if (Object.keys(value).length === 0) return { M: {} };
  if (value.M) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, repairEmptyMaps(v)])) };
  if (value.L) return { L: value.L.map(repairEmptyMaps) };
  return value;
};

const onRecord = async (record: DynamoDBRecord) => {
  const newImage = record.dynamodb?.NewImage;
  // only new timeline entries notify anyone; everything else is skipped before it is even decoded
  if (record.eventName !== 'INSERT' || newImage?.type?.S !== 'timeline') return;
  const image = unmarshall(repairEmptyMaps({ M: newImage }).M as never);
  try {
    const outcome = await notifyFromImage(image, [deliverOrderEvent]);
    logger.debug('stream record', { entryId: image.entryId, action: image.action, outcome });
  } catch (err) {
    // reported to the event source as this record's failure; logged so the cause is visible
    logger.error('stream record failed', { sequenceNumber: record.dynamodb?.SequenceNumber, entryId: image.entryId, error: err as Error });
    throw err;
  }
};

/**
 * The table's stream: every new timeline entry becomes notifications (and webhook deliveries). Records
 * are taken in order, so a provider's endpoint hears of an order's events in the order they happened.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, onRecord, processor, { context, processInParallel: false });
