import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';
import { ORDER_STATUSES, orderBodySchema, orderHeadSchema, orderRowSchema, timelineEntrySchema, type OrderStatus } from './schemas';

const byCreation = { uses: ['createdAt', 'orderId'] as const, build: (o: { createdAt: string; orderId: string }) => keys.sortByTime(o.createdAt, o.orderId) };

/**
 * An order's head: the order as it is now, without its bulky facts (those are its body's, below). `dueAt`
 * (when a job next has something to do with it, from the order and the periods: lib/orders/schedule.ts) is a
 * fact of its due-index key only, not stored.
 *
 * A party's orders of every status are its status partitions merged (lib/db/sharded.ts), not an index place
 * of their own: a status change moves the order in the status indexes anyway, and a place that holds every
 * status would be rewritten by each change as well (docs/decisions.md, "Paying for what changed").
 */
export const orderItem = defineItem({
  name: 'order',
  type: 'order',
  home: 'lib/orders/items.ts',
  description: 'An order’s head: keys, machine state, parties and the list columns (its bulky facts are its body’s).',
  schema: orderHeadSchema,
  key: (o: { orderId: string; dueAt?: string }) => keys.order(o.orderId),
  keyOnly: ['dueAt'],
  // the list row: what the summary rows, the export and the operator's search read (lib/orders/schemas.ts)
  listed: Object.keys(orderRowSchema.shape),
  indexes: {
    GSI4: {
      when: { uses: ['dueAt'], test: (o) => o.dueAt !== undefined, doc: 'while a job has something to do with it' },
      pk: {
        uses: ['orderId', 'saas'],
        build: (o) => (o.saas ? keys.saasDueShard(o.orderId) : keys.dueShard(o.orderId)),
        doc: 'DUE#<shard of orderId> (SaaS orders: SAASDUE#<shard of orderId>)',
      },
      sk: { uses: ['dueAt', 'orderId'], build: (o) => keys.sortByTime(o.dueAt!, o.orderId) },
      serves: [
        'orders due for an automatic transition or a reminder, by shard (the order job)',
        'SaaS orders due for a call, an expiry, a destruction or giving up provisioning, by shard (the SaaS job)',
      ],
    },
    GSI5: {
      pk: { uses: ['providerId', 'status'], build: (o) => keys.providerOrdersIn(o.providerId, o.status) },
      sk: byCreation,
      serves: [
        'a provider’s orders in one status (`GET /provider/orders?status=`); every status: its status partitions merged, newest first (`GET /provider/orders`, the export)',
        'the operator’s order search by organisation: its status partitions (or the one searched), merged',
      ],
    },
    GSI6: {
      pk: { uses: ['buyerId', 'status'], build: (o) => keys.buyerOrdersIn(o.buyerId, o.status) },
      sk: byCreation,
      serves: [
        'a buyer’s orders in one status (`GET /buyer/orders?status=`); every status: its status partitions merged, newest first (`GET /buyer/orders`)',
        'the operator’s order search by buyer, merged likewise',
      ],
    },
    GSI7: {
      pk: { uses: ['orderId'], build: (o) => keys.allOrdersShard(o.orderId), doc: 'ORDERS#<shard of orderId>' },
      sk: byCreation,
      serves: ['the operator’s order search, every order (`GET /operator/orders`), shards merged'],
    },
    GSI8: {
      pk: { uses: ['status', 'orderId'], build: (o) => keys.ordersByStatusShard(o.status, o.orderId), doc: 'ORDERS#<status>#<shard of orderId>' },
      sk: {
        uses: ['status', 'statusSince', 'createdAt', 'orderId'],
        build: (o) => keys.sortByTime(o.status === 'disputed' ? o.statusSince : o.createdAt, o.orderId),
        doc: '<createdAt>#<orderId> (disputed: <statusSince>#<orderId>)',
      },
      serves: ['the operator’s order search by status (`GET /operator/orders?status=`); the appeal queue, oldest appeal first'],
    },
  },
});

/**
 * An order's body, beside its head in the order's partition and in no index: the product snapshot, the
 * requirements' answers, the buyer's contact, the delivery note, the ruling. Written only by a change to one
 * of them; the order's one Query reads it with everything else (docs/decisions.md).
 */
export const orderBodyItem = defineItem({
  name: 'order body',
  type: 'order-body',
  home: 'lib/orders/items.ts',
  description: 'An order’s bulky facts (snapshot, answers, contact, delivery note, ruling), beside its head, in no index.',
  schema: orderBodySchema,
  key: (b: { orderId: string }) => keys.orderBody(b.orderId),
  keyDoc: { SK: 'ORDER#BODY' },
});

/** The claim of one attempt of one SaaS call (docs/decisions.md, "SaaS orders"): the attempt a sender holds, until when. */
export const saasCallClaimItem = defineItem({
  name: 'SaaS call claim',
  type: 'saas-call-claim',
  home: 'lib/orders/items.ts',
  description: 'Which attempt of one outbound SaaS call a sender holds, and until when: one sender per attempt.',
  schema: z.object({ orderId: z.string(), eventId: z.string(), attempt: z.number(), leasedUntil: z.string(), expiresAt: z.number() }),
  key: (c: { orderId: string; eventId: string }) => keys.saasCallClaim(c.orderId, c.eventId),
  keyDoc: { SK: 'SAASCALL#<eventId>' },
});

/** An order's timeline entry as stored: the entry, the order's parties (the stream's consumers read them). */
export const orderEntrySchema = timelineEntrySchema.extend({
  entity: z.literal('order'),
  buyerId: z.string(),
  providerId: z.string(),
});

/** An order's timeline entry, keyed by the order version it made: entries follow each other in version order. */
export const orderEntryItem = defineItem({
  name: 'order timeline entry',
  type: 'timeline',
  home: 'lib/orders/items.ts',
  description: 'One step of an order (who, which action, from and to which status, its data), in the order’s partition.',
  schema: orderEntrySchema,
  key: (e: { orderId: string; version: number }) => keys.orderTimeline(e.orderId, e.version),
  keyDoc: { SK: 'TIMELINE#<version, 10 digits>' },
});

/** A party's status partitions (GSI5 a provider's, GSI6 a buyer's): every status, or the one asked for. */
export const partyStatusPartitions = (party: { buyerId: string } | { providerId: string }, status?: OrderStatus) =>
  (status ? [status] : ORDER_STATUSES).map((s) => ({ pk: 'buyerId' in party ? keys.buyerOrdersIn(party.buyerId, s) : keys.providerOrdersIn(party.providerId, s) }));

/** The index of a party's status partitions. */
export const partyStatusIndex = (party: { buyerId: string } | { providerId: string }) => ('buyerId' in party ? ('GSI6' as const) : ('GSI5' as const));
