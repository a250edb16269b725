import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

/** DynamoDB Local's stream writes an empty map as `{}` with no type; AWS writes `{ M: {} }`. */
const repairEmptyMaps = (value: AttributeValue): AttributeValue => {
  if (Object.keys(value).length === 0) return { M: {} };
  if (value.M) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, repairEmptyMaps(v)])) };
  if (value.L) return { L: value.L.map(repairEmptyMaps) };
  return value;
};

/**
 * The new timeline entry a stream record carries, decoded; undefined for anything else (other items,
 * modifications, removals), which is skipped before it is even decoded.
 */
export const timelineInsertOf = (record: DynamoDBRecord): Record<string, unknown> | undefined => {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || image?.type?.S !== 'timeline') return undefined;
  return unmarshall(repairEmptyMaps({ M: image }).M as never);
};
