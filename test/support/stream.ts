import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { asFunction } from './dynamodb-calls';
import { lambdaContext } from './http';
import { readPartition } from './db';
import { handler as notify } from '../../functions/streams/notify';

const recorded = JSON.parse(readFileSync(join(__dirname, '../../events/stream-timeline-insert.json'), 'utf8')) as DynamoDBStreamEvent;
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

export const runStream = (event: DynamoDBStreamEvent, remainingMs?: number) =>
  asFunction(notify, () => notify(event, lambdaContext(remainingMs))) as Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
