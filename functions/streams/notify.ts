import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../lib/http/route';
import { notifyFromImage } from '../../lib/notifications/fanout';
import { deliverOrderEvent } from '../../lib/webhooks/dispatch';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

const onRecord = async (record: DynamoDBRecord) => {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return;
  const image = unmarshall(record.dynamodb.NewImage as never);
  const outcome = await notifyFromImage(image, [deliverOrderEvent]);
  if (outcome === 'notified') logger.debug('notified', { entryId: image.entryId, action: image.action });
};

/**
 * The table's stream: every new timeline entry becomes notifications (and webhook deliveries). Records
 * are taken in order, so a provider's endpoint hears of an order's events in the order they happened.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, onRecord, processor, { context, processInParallel: false });
