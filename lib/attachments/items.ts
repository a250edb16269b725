import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';
import { attachmentItemSchema } from './schemas';

/** An attachment's record (the bytes are in S3), in its order's partition. */
export const attachmentItem = defineItem({
  name: 'attachment',
  type: 'attachment',
  home: 'lib/attachments/items.ts',
  description: 'An upload granted to an order (the bytes are in S3), in the order’s partition.',
  schema: attachmentItemSchema,
  key: (a: { orderId: string; attachmentId: string }) => keys.attachment(a.orderId, a.attachmentId),
});

/**
 * How many uploads an order was granted: `count` in all, and each party's own count (an attribute named by
 * {@link partyCount}), the condition that holds a party to its quota.
 */
export const attachmentCounterItem = defineItem({
  name: 'attachment counter',
  type: 'attachment-counter',
  home: 'lib/attachments/items.ts',
  description: 'The number of uploads granted to an order, in all and per party (`grants#<userId>`), in the order’s partition.',
  schema: z.object({ count: z.number() }).catchall(z.number()),
  key: (c: { orderId: string }) => keys.attachmentCounter(c.orderId),
  keyOnly: ['orderId'],
});

/** The counter's attribute that counts one party's grants on the order. */
export const partyCount = (userId: string) => `grants#${userId}`;
