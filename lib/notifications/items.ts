import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';
import { notificationItemSchema } from './schemas';

/**
 * The recipient of a notice for the operators: one notification that every operator's inbox reads (and one
 * counter of them all), however many operators there are (docs/decisions.md).
 */
export const OPERATORS_INBOX = 'operators';

/** One notification for one recipient; its `action` is the step it tells of (the API answers it as `type`). */
export const notificationItem = defineItem({
  name: 'notification',
  type: 'notification',
  home: 'lib/notifications/items.ts',
  description: 'One notification for one recipient, keyed by the timeline entry it tells of (so it is recorded once).',
  schema: notificationItemSchema,
  key: (n: { recipientId: string; notificationId: string }) => keys.notification(n.recipientId, n.notificationId),
  // the texts in both languages are most of the item: kept once, in the row the inbox reads
  rowOnly: ['title', 'body'],
  indexes: {
    GSI1: {
      pk: { uses: ['recipientId'], build: (n) => keys.userNotifications(n.recipientId) },
      sk: { uses: ['createdAt', 'notificationId'], build: (n) => keys.sortByTime(n.createdAt, n.notificationId) },
      serves: ['a user’s inbox, newest first (`GET /notifications`), with its unread counter on top'],
    },
    GSI2: {
      when: { uses: ['read'], test: (n) => !n.read, doc: 'while unread' },
      pk: { uses: ['recipientId'], build: (n) => keys.userUnread(n.recipientId) },
      sk: { uses: ['createdAt', 'notificationId'], build: (n) => keys.sortByTime(n.createdAt, n.notificationId) },
      serves: ['a user’s unread notifications (`GET /notifications?unread=true`, `POST /notifications/read-all`)'],
    },
  },
});

/**
 * A user's unread counter. It sits in both inbox partitions above every notification (`~INBOX` sorts after
 * every `<createdAt>#<id>`), so the first page of a newest-first inbox carries it at no extra read.
 */
export const inboxItem = defineItem({
  name: 'unread counter',
  type: 'inbox',
  home: 'lib/notifications/items.ts',
  description: 'A user’s count of unread notifications, on top of both inbox partitions.',
  schema: z.object({
    unreadCount: z.number().optional(),
    /** An operator's: how many of the operators' shared notices they have read, and up to when all are read. */
    operatorsRead: z.number().optional(),
    operatorsReadUpTo: z.string().optional(),
  }),
  key: (c: { userId: string }) => keys.inbox(c.userId),
  keyOnly: ['userId'],
  // the count is ADDed by a write that may be creating the counter: projected by name, its row stays empty
  listed: [],
  projected: ['unreadCount'],
  indexes: {
    GSI1: {
      pk: { uses: ['userId'], build: (c) => keys.userNotifications(c.userId) },
      sk: { uses: [], build: () => keys.inboxCounterSort },
      serves: ['the unread count on the first page of the inbox'],
    },
    GSI2: {
      pk: { uses: ['userId'], build: (c) => keys.userUnread(c.userId) },
      sk: { uses: [], build: () => keys.inboxCounterSort },
      serves: ['the unread count on the first page of the unread list'],
    },
  },
});
