import { createHash } from 'node:crypto';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { domainEventSchema, type DomainEvent } from '../events/contracts';
import { codeStockItem } from './items';
import { crossesLowStock } from './model';
import { LOW_STOCK, stockItemSchema } from './schemas';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The id of one crossing, shaped as an id of the platform (a ULID, so the inbox sorts and marks it like any
 * other): the time of the change, then 80 bits of a hash of the product, the plan and the plan's `stock` at
 * the crossing. `stock` only grows, and a second crossing needs a restock in between, so each crossing has its
 * own id, and a redelivered stream record makes the same one (the consumers deduplicate on it).
 */
export const crossingId = (productId: string, planId: string, stock: number, at: string): string => {
  let t = Date.parse(at);
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const digest = createHash('sha256').update(`low-stock\n${productId}\n${planId}\n${stock}`).digest();
  let rest = '';
  for (let i = 0; i < 16; i++) rest += ALPHABET[digest[i] % 32];
  return time + rest;
};

/**
 * The `product.stock_low` event a stream record makes: a change of a plan's code stock item that took its
 * available codes below the mark (spec 3.1: the provider is notified when a plan's stock falls below 10).
 * Undefined for every other record. Counts only: the stock item holds no code.
 */
export const lowStockEventOf = (record: DynamoDBRecord): DomainEvent | undefined => {
  const next = record.dynamodb?.NewImage;
  const prev = record.dynamodb?.OldImage;
  if (record.eventName !== 'MODIFY' || next?.type?.S !== codeStockItem.type || !prev) return undefined;
  const after = stockItemSchema.parse(unmarshall(next as never));
  const before = stockItemSchema.parse(unmarshall(prev as never));
  if (!crossesLowStock(before, after, LOW_STOCK)) return undefined;
  return domainEventSchema.parse({
    id: crossingId(after.productId, after.planId, after.stock, after.updatedAt),
    type: 'product.stock_low',
    version: 1,
    occurredAt: after.updatedAt,
    data: {
      productId: after.productId,
      action: 'low-stock',
      role: 'system',
      detail: { planId: after.planId, available: Math.max(0, after.left), stock: after.stock, mark: LOW_STOCK },
    },
  });
};
