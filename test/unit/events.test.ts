import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as route } from '../../functions/streams/route';
import { domainEventSchema, EVENT_CONTRACTS, EVENT_SOURCES, pingV1 } from '../../lib/events/contracts';
import { eventOfTimelineEntry, ORDER_EVENT_OF, PRODUCT_EVENT_OF } from '../../lib/events/from-timeline';
import { ORDER_ACTIONS } from '../../lib/orders/schemas';
import { openApiDocument } from '../../lib/openapi';
import { assertWebhookDocumented } from '../support/openapi';

const recorded = JSON.parse(readFileSync(join(__dirname, '../../events/stream-timeline-insert.json'), 'utf8')) as DynamoDBStreamEvent;
let sequence = 1_000;
/** A stream INSERT of an item, built from the recorded one. */
const insertRecord = (item: Record<string, unknown>): DynamoDBRecord => {
  const record = structuredClone(recorded.Records[0]);
  record.dynamodb!.NewImage = marshall(item) as never;
  record.dynamodb!.SequenceNumber = String(++sequence).padStart(24, '0');
  return record;
};
const modifyRecord = () => structuredClone(recorded.Records[1]);
const orderEntry = (n: number, extra: Record<string, unknown> = {}) => ({
  PK: 'ORDER#01KAWR1M8S5Y2G7Q9V3X4Z6B8C',
  SK: `TIMELINE#2026-11-24T03:00:00.000Z#E${n}`,
  type: 'timeline',
  entity: 'order',
  entryId: `01KAWR1M8S5Y2G7Q9V3X4Z6B${String(n).padStart(2, '0')}`,
  orderId: '01KAWR1M8S5Y2G7Q9V3X4Z6B8C',
  action: 'start',
  actor: 'someone',
  role: 'provider',
  at: '2026-11-24T03:00:00.000Z',
  from: 'awaiting_start',
  to: 'implementing',
  data: {},
  ...extra,
});

/** The PutEvents calls the router sent, answered by `answer` (a mock client: only the input is asserted). */
const putEvents = (answer: (entries: number, call: number) => { FailedEntryCount: number; Entries: Array<{ EventId?: string; ErrorCode?: string }> } | Error) => {
  const calls: PutEventsCommand['input'][] = [];
  vi.spyOn(EventBridgeClient.prototype, 'send').mockImplementation(async (command: any) => {
    expect(command).toBeInstanceOf(PutEventsCommand);
    calls.push(command.input);
    const out = answer(command.input.Entries.length, calls.length);
    if (out instanceof Error) throw out;
    return out;
  });
  return calls;
};
const allTaken = (n: number) => ({ FailedEntryCount: 0, Entries: Array.from({ length: n }, (_, i) => ({ EventId: `e${i}` })) });

beforeAll(() => {
  process.env.EVENT_BUS_NAME = 'marketplace-test-events';
});
afterEach(() => vi.restoreAllMocks());

describe('the event contracts', () => {
  it('give every order and product timeline action an event type whose contract accepts it', () => {
    for (const action of ORDER_ACTIONS) {
      const event = eventOfTimelineEntry(orderEntry(1, { action, from: action === 'create' ? null : 'awaiting_start' }));
      expect(event.type).toBe(ORDER_EVENT_OF[action]);
      expect(EVENT_CONTRACTS[event.type].parse(event)).toEqual(event);
    }
    for (const action of Object.keys(PRODUCT_EVENT_OF) as Array<keyof typeof PRODUCT_EVENT_OF>) {
      const event = eventOfTimelineEntry({ type: 'timeline', entity: 'product', entryId: 'P1', productId: 'X', action, role: 'operator', at: '2026-11-24T03:00:00.000Z', data: {} });
      expect(event).toMatchObject({ id: 'P1', type: PRODUCT_EVENT_OF[action], version: 1, data: { productId: 'X', action } });
    }
    expect(eventOfTimelineEntry({ ...orderEntry(1), entity: 'product', productId: 'X', action: 'reject', role: 'operator', data: { reason: 'r' } })).toMatchObject({
      type: 'product.reviewed',
      data: { decision: 'rejected', detail: { reason: 'r' } },
    });
  });

  it('make the same event, id included, every time the same entry is read, and leave the actor out', () => {
    const [a, b] = [eventOfTimelineEntry(orderEntry(7, { version: 3 })), eventOfTimelineEntry(orderEntry(7, { version: 3 }))];
    expect(a).toEqual(b);
    expect(a).toEqual({
      id: '01KAWR1M8S5Y2G7Q9V3X4Z6B07',
      type: 'order.status_changed',
      version: 1,
      occurredAt: '2026-11-24T03:00:00.000Z',
      data: { orderId: '01KAWR1M8S5Y2G7Q9V3X4Z6B8C', action: 'start', role: 'provider', from: 'awaiting_start', to: 'implementing', orderVersion: 3, detail: {} },
    });
    expect(JSON.stringify(a)).not.toContain('someone');
  });

  it('refuse an entry that makes no valid event', () => {
    expect(() => eventOfTimelineEntry(orderEntry(1, { action: 'teleport' }))).toThrow(/teleport/);
    expect(() => eventOfTimelineEntry(orderEntry(1, { to: 'nowhere' }))).toThrow();
  });

  it('are the API document’s webhooks, and the document refuses a body that breaks them', () => {
    const document = JSON.parse(JSON.stringify(openApiDocument()));
    const orderTypes = [...new Set(Object.values(ORDER_EVENT_OF))].sort();
    expect(Object.keys(document.webhooks).sort()).toEqual([...orderTypes, 'ping'].sort());
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' };
    const event = eventOfTimelineEntry(orderEntry(2));
    expect(() => assertWebhookDocumented(JSON.stringify(event), headers)).not.toThrow();
    expect(() => assertWebhookDocumented(JSON.stringify(pingV1.parse({ id: 'd', type: 'ping', version: 1, occurredAt: 'x', data: { providerId: 'p' } })), headers)).not.toThrow();
    expect(() => assertWebhookDocumented(JSON.stringify({ ...event, data: { ...event.data, to: 'nowhere' } }), headers)).toThrow(/does not match/);
    expect(() => assertWebhookDocumented(JSON.stringify({ ...event, version: 2 }), headers)).toThrow(/does not match/);
    expect(() => assertWebhookDocumented(JSON.stringify(event), { 'webhook-id': 'msg_1' })).toThrow(/webhook-timestamp/);
    expect(() => assertWebhookDocumented(JSON.stringify({ ...event, type: 'order.teleported' }), headers)).toThrow(/no webhook/);
  });
});

describe('the stream router', () => {
  it('publishes the recorded stream event’s timeline entry as its domain event, and skips the rest', async () => {
    const calls = putEvents(allTaken);
    expect(await route(recorded)).toEqual({ batchItemFailures: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0].Entries).toHaveLength(1);
    const [entry] = calls[0].Entries!;
    expect(entry).toMatchObject({ EventBusName: 'marketplace-test-events', Source: EVENT_SOURCES.order, DetailType: 'order.status_changed' });
    expect(domainEventSchema.parse(JSON.parse(entry.Detail!))).toMatchObject({ id: '01KAWR1M8S5Y2G7Q9V3X4Z6B8D', data: { action: 'start' } });
  });

  it('sends at most ten events a call, and reports as failures only the records whose events the bus refused', async () => {
    const records = Array.from({ length: 23 }, (_, i) => insertRecord(orderEntry(i)));
    const calls = putEvents((n, call) =>
      call === 2 ? { FailedEntryCount: 1, Entries: Array.from({ length: n }, (_, i) => (i === 4 ? { ErrorCode: 'InternalFailure' } : { EventId: `e${i}` })) } : allTaken(n),
    );
    const result = await route({ Records: [modifyRecord(), ...records] });
    expect(calls.map((c) => c.Entries!.length)).toEqual([10, 10, 3]);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: records[14].dynamodb!.SequenceNumber }]);
  });

  it('reports every record of a call that failed, and a record that makes no event', async () => {
    const records = Array.from({ length: 12 }, (_, i) => insertRecord(orderEntry(i)));
    const broken = insertRecord(orderEntry(99, { action: 'teleport' }));
    putEvents((n, call) => (call === 1 ? new Error('bus unavailable') : allTaken(n)));
    const result = await route({ Records: [...records, broken] });
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [...records.slice(0, 10), broken].map((r) => r.dynamodb!.SequenceNumber!).sort(),
    );
  });
});
