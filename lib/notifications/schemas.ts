import { z } from 'zod';
import { pageOf, pageParams } from '../shared/pagination';
import { ID_PATTERN } from '../shared/ids';

const text = z.object({ zh: z.string(), en: z.string() });

export const notificationItemSchema = z.object({
  notificationId: z.string(),
  recipientId: z.string(),
  /** The timeline action or review decision it tells of (answered as the view's `type`). */
  action: z.string(),
  orderId: z.string().optional(),
  /** The side of the order the recipient is told as (a member of the seller may also have bought elsewhere). */
  side: z.enum(['buyer', 'provider', 'operator']).optional(),
  productId: z.string().optional(),
  /** A provider application's decision (入驻审核). */
  applicationId: z.string().optional(),
  title: text,
  body: text,
  read: z.boolean(),
  createdAt: z.string(),
  readAt: z.string().optional(),
});
export type NotificationItem = z.infer<typeof notificationItemSchema>;

export const inboxQuery = z.object({
  ...pageParams,
  unread: z.enum(['true', 'false']).optional(),
});

export const notificationIdParams = z.object({ notificationId: z.string().regex(ID_PATTERN) });

// ---- Views: what the API answers (toNotificationView is typed by it; the OpenAPI document is built from it).

export const notificationView = z
  .object({
    notificationId: z.string(),
    type: z.string().meta({ description: 'the timeline action or review decision' }),
    orderId: z.string().optional(),
    side: z.enum(['buyer', 'provider', 'operator']).optional().meta({ description: 'the side of the order the recipient is on: which page of the order to open' }),
    productId: z.string().optional(),
    applicationId: z.string().optional().meta({ description: 'a provider application’s decision (入驻审核)' }),
    title: z.string(),
    body: z.string(),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof notificationView>;

export const inboxView = pageOf(notificationView).extend({ unreadCount: z.number().int().nonnegative() }).meta({ id: 'InboxPage' });

/** `POST /notifications/read-all`'s answer: how many were marked. */
export const readAllView = z.object({ marked: z.number().int().nonnegative() }).meta({ id: 'ReadAll' });
