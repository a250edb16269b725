import { ok, route } from '../../lib/http/route';
import { listInbox, toNotificationView } from '../../lib/notifications/repository';
import { inboxQuery } from '../../lib/notifications/schemas';
import { languageOf } from '../../lib/orders/model';

/** GET /notifications — own inbox (站内信), newest first; filter `unread`; with the unread count. */
export const handler = route({ access: 'signed-in', query: inboxQuery }, async ({ user, query, headers }) => {
  const page = await listInbox(user.id, query, { operator: user.roles.includes('operator') });
  const lang = languageOf(headers);
  return ok({ items: page.items.map((n) => toNotificationView(n, lang)), nextCursor: page.nextCursor, unreadCount: page.unreadCount });
});
