import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';

/**
 * What a command sent with an `Idempotency-Key` answered, replayed to a retry within a day (TTL): the status,
 * and the body only when it is small (lib/shared/idempotency's REPLAY_BODY_LIMIT); otherwise `rebuild` and
 * what a replay reads to answer again (`ref`, the resource's id; `version`, the version the command made).
 * Records written before this rule kept every body; they are replayed as kept until they expire.
 */
export const idempotencyRecordSchema = z.object({
  digest: z.string(),
  reply: z.object({ status: z.number(), body: z.unknown().optional() }),
  rebuild: z.literal(true).optional(),
  ref: z.string().optional(),
  version: z.number().optional(),
  createdAt: z.string(),
  expiresAt: z.number(),
});

export const idempotencyItem = defineItem({
  name: 'idempotency record',
  type: 'idempotency',
  home: 'lib/shared/items.ts',
  description: 'The status of a command sent with an Idempotency-Key, and its body when small (else what rebuilds it); TTL a day.',
  schema: idempotencyRecordSchema,
  key: (r: { userId: string; route: string; key: string }) => keys.idempotency(r.userId, r.route, r.key),
  keyOnly: ['userId', 'route', 'key'],
});

/** An order command's record, in a partition of its own (never in the order's, which reads of the order Query). */
export const orderIdempotencyItem = defineItem({
  name: 'order command idempotency record',
  type: 'idempotency',
  home: 'lib/shared/items.ts',
  description: 'The status and order version an order command sent with an Idempotency-Key answered, outside the order’s partition; TTL a day.',
  schema: idempotencyRecordSchema,
  key: (r: { orderId: string; userId: string; route: string; key: string }) => keys.orderIdempotency(r.orderId, r.userId, r.route, r.key),
  keyOnly: ['orderId', 'userId', 'route', 'key'],
});

/** A user's fixed-window count of one kind of action; TTL a window after its end. */
export const rateCounterItem = defineItem({
  name: 'rate counter',
  type: 'rate',
  home: 'lib/shared/items.ts',
  description: 'A user’s count of one kind of action (orders, products, messages, webhook test pings and redeliveries) in one fixed window; TTL a window after its end.',
  schema: z.object({ count: z.number().optional(), expiresAt: z.number() }),
  key: (c: { userId: string; name: string; windowSeconds: number; windowStart: string }) =>
    keys.rateCounter(c.userId, c.name, c.windowSeconds, c.windowStart),
  keyOnly: ['userId', 'name', 'windowSeconds', 'windowStart'],
});
