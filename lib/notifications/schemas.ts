import { z } from 'zod';
import { pageParams } from '../shared/pagination';
import { ID_PATTERN } from '../shared/ids';

const text = z.object({ zh: z.string(), en: z.string() });

export const notificationItemSchema = z.object({
  notificationId: z.string(),
  recipientId: z.string(),
  type: z.string(),
  orderId: z.string().optional(),
  productId: z.string().optional(),
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
