import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';

/** The first answer of a command sent with an `Idempotency-Key`, replayed to a retry within a day (TTL). */
export const idempotencyRecordSchema = z.object({
  digest: z.string(),
  reply: z.object({ status: z.number(), body: z.unknown() }),
  createdAt: z.string(),
  expiresAt: z.number(),
});

export const idempotencyItem = defineItem({
  name: 'idempotency record',
  type: 'idempotency',
  home: 'lib/shared/items.ts',
  description: 'The first answer of a command sent with an Idempotency-Key (products, orders, webhook settings); TTL a day.',
  schema: idempotencyRecordSchema,
  key: (r: { userId: string; route: string; key: string }) => keys.idempotency(r.userId, r.route, r.key),
  keyOnly: ['userId', 'route', 'key'],
});

/** An order command's record lives in the order's partition, so the command's one read finds it. */
export const orderIdempotencyItem = defineItem({
  name: 'order command idempotency record',
  type: 'idempotency',
  home: 'lib/shared/items.ts',
  description: 'The first answer of an order command sent with an Idempotency-Key, in the order’s partition; TTL a day.',
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
