import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { publishEvents } from '../../lib/events/bus';
import type { DomainEvent } from '../../lib/events/contracts';
import { eventOfTimelineEntry } from '../../lib/events/from-timeline';
import { lowStockEventOf } from '../../lib/codes/low-stock';
import { logger } from '../../lib/observability/logger';
import { timelineInsertOf } from '../../lib/notifications/stream-record';

/**
 * The table's stream, as a thin router: every new timeline entry (orders and products) becomes its domain
 * event, and a plan's code stock falling below the low-stock mark becomes `product.stock_low`, published to
 * the event bus; the consumers (inbox, dashboard, webhook) react on their own, each with
 * its own retries and dead-letter queue. Nothing here reads the table or waits for anyone's endpoint.
 * A record that makes no valid event, or whose event the bus did not take, is reported as this batch's
 * failure (the event source retries from it; the consumers are idempotent per event id).
 */
export const handler = async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
  if (context) logger.addContext(context);
  const failures: string[] = [];
  const published: Array<{ sequenceNumber: string; event: DomainEvent }> = [];
  for (const record of event.Records) {
    const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
    const image = timelineInsertOf(record);
    try {
      const made = image ? eventOfTimelineEntry(image) : lowStockEventOf(record);
      if (made) published.push({ sequenceNumber, event: made });
    } catch (err) {
      logger.error('stream record makes no event', { sequenceNumber, entryId: image?.entryId, error: err as Error });
      failures.push(sequenceNumber);
    }
  }
  const refused = await publishEvents(published.map((p) => p.event));
  for (const p of published) {
    if (refused.has(p.event.id)) failures.push(p.sequenceNumber);
  }
  if (refused.size) logger.error('events not published', { ids: [...refused] });
  logger.debug('stream batch routed', { records: event.Records.length, events: published.length, failures: failures.length });
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
};
