import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { EventBridgeEvent } from 'aws-lambda';
import { domainEventSchema, sourceOf, type DomainEvent } from './contracts';

/** PutEvents takes at most ten entries a call. */
export const PUT_EVENTS_BATCH = 10;

let client: EventBridgeClient | undefined;
/**
 * The bus client, made at first use from the environment: EVENT_BUS_NAME always; EVENT_BUS_ENDPOINT only
 * locally (the local bus, which accepts any credentials).
 */
const bus = () => {
  const endpoint = process.env.EVENT_BUS_ENDPOINT || undefined;
  client ??= new EventBridgeClient({
    region: process.env.AWS_REGION ?? 'us-east-1',
    endpoint,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
    ...(endpoint ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return client;
};

export const busName = () => {
  const name = process.env.EVENT_BUS_NAME;
  if (!name) throw new Error('Invalid configuration: EVENT_BUS_NAME is not set');
  return name;
};

/** One event as a PutEvents entry: the source names its aggregate, the detail-type its type, the detail is the event. */
export const entryOf = (event: DomainEvent): PutEventsRequestEntry => ({
  EventBusName: busName(),
  Source: sourceOf(event),
  DetailType: event.type,
  Time: new Date(event.occurredAt),
  Detail: JSON.stringify(event),
});

/**
 * Publishes events, ten a call, the calls one after another; returns the ids of the events the bus did not
 * take (an entry it refused, or every entry of a call that failed), for the caller to report and retry.
 */
export const publishEvents = async (events: DomainEvent[]): Promise<Set<string>> => {
  const failed = new Set<string>();
  for (let i = 0; i < events.length; i += PUT_EVENTS_BATCH) {
    const chunk = events.slice(i, i + PUT_EVENTS_BATCH);
    try {
      const out = await bus().send(new PutEventsCommand({ Entries: chunk.map(entryOf) }));
      // the answer's entries are in the request's order; a refused one carries an ErrorCode
      (out.Entries ?? []).forEach((e, k) => e.ErrorCode && failed.add(chunk[k].id));
      if ((out.FailedEntryCount ?? 0) > 0 && !(out.Entries ?? []).length) chunk.forEach((e) => failed.add(e.id));
    } catch {
      for (const e of chunk) failed.add(e.id);
    }
  }
  return failed;
};

/** The domain event an EventBridge invocation carries, checked against its contract. */
export const eventFrom = (invocation: EventBridgeEvent<string, unknown>): DomainEvent => domainEventSchema.parse(invocation.detail);
