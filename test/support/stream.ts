import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent, EventBridgeEvent } from 'aws-lambda';
import yaml from 'js-yaml';
import { invocationOf, matches, startLocalBus, type BusEntry, type RulePattern } from '../../lib/events/local-bus';
import { asFunction } from './dynamodb-calls';
import { lambdaContext } from './http';
import { readPartition } from './db';
import { handler as route } from '../../functions/streams/route';

const ROOT = join(__dirname, '..', '..');
const recorded = JSON.parse(readFileSync(join(ROOT, 'events/stream-timeline-insert.json'), 'utf8')) as DynamoDBStreamEvent;
let sequence = 5_000_000;

/** A stream record as DynamoDB delivers it, built from the recorded one with a real item as its new image. */
export const insertRecord = (item: Record<string, unknown>): DynamoDBRecord => {
  const template = structuredClone(recorded.Records[0]);
  template.dynamodb!.NewImage = marshall(item, { removeUndefinedValues: true }) as never;
  template.dynamodb!.Keys = marshall({ PK: item.PK, SK: item.SK }) as never;
  template.dynamodb!.SequenceNumber = String(++sequence).padStart(24, '0');
  return template;
};

/** The recorded MODIFY of an order item: not a timeline entry. */
export const modifyRecord = (): DynamoDBRecord => structuredClone(recorded.Records[1]);

/** A batch of INSERT records for every timeline entry of an order or product partition. */
export const batchFor = async (pk: string): Promise<DynamoDBStreamEvent> => ({
  Records: (await readPartition(pk)).filter((i) => i.type === 'timeline').map(insertRecord),
});

type Consumer = { name: string; pattern: RulePattern; handler: (e: EventBridgeEvent<string, unknown>, c: unknown) => Promise<unknown> };

// CloudFormation tags kept opaque: only the functions' eventBridge patterns are read here.
const cfn = yaml.DEFAULT_SCHEMA.extend(
  ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not'].flatMap((name) =>
    (['scalar', 'sequence', 'mapping'] as const).map((kind) => new yaml.Type(`!${name}`, { kind, construct: (d) => ({ [name]: d }) })),
  ),
);
/** The consumers serverless.yml subscribes to the bus: each function with its rule's pattern. */
const consumers = async (): Promise<Consumer[]> => {
  const functions = (yaml.load(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), { schema: cfn }) as any).functions;
  const out: Consumer[] = [];
  for (const [name, f] of Object.entries<any>(functions)) {
    for (const e of f.events ?? []) {
      if (!e.eventBridge?.pattern) continue;
      const dot = f.handler.lastIndexOf('.');
      const module = await import(join(ROOT, `${f.handler.slice(0, dot)}.ts`));
      out.push({ name, pattern: e.eventBridge.pattern, handler: module[f.handler.slice(dot + 1)] });
    }
  }
  return out;
};

/** The local bus the router publishes to in these tests, and the entries it took and has not delivered yet. */
let bus: Promise<{ consumers: Consumer[] }> | undefined;
const taken: BusEntry[] = [];
const localBus = () =>
  (bus ??= (async () => {
    const started = await startLocalBus((entries) => taken.push(...entries));
    process.env.EVENT_BUS_ENDPOINT = started.endpoint;
    process.env.EVENT_BUS_NAME = 'marketplace-test-events';
    return { consumers: await consumers() };
  })());

/** The events the bus took so far (and forgets them), as PutEvents entries. */
export const takePublished = () => taken.splice(0);

/**
 * Delivers entries as EventBridge would: every matching consumer invoked once per event, all at once; a
 * consumer that throws fails the call (after the others ran).
 */
export const deliver = async (entries: BusEntry[], remainingMs?: number) => {
  const { consumers: all } = await localBus();
  const failures: unknown[] = [];
  await Promise.all(
    entries.flatMap((entry) =>
      all
        .filter((c) => matches(c.pattern, entry))
        .map((c) => asFunction(c.handler, () => c.handler(invocationOf(entry), lambdaContext(remainingMs))).catch((err) => failures.push(err))),
    ),
  );
  if (failures.length) throw new AggregateError(failures, `${failures.length} consumer invocation(s) failed`);
};

/** Invokes the stream router on a batch only (its published events stay on the local bus: `takePublished`). */
export const routeOnly = async (event: DynamoDBStreamEvent) => {
  await localBus();
  return asFunction(route, () => route(event, lambdaContext())) as Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
};

/** A stream batch through the router, the local bus and every consumer of its events. */
export const runStream = async (event: DynamoDBStreamEvent, remainingMs?: number) => {
  const result = await routeOnly(event);
  await deliver(takePublished(), remainingMs);
  return result;
};
