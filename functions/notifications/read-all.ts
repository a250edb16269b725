import { ok, route } from '../../lib/http/route';
import { markAllRead } from '../../lib/notifications/repository';

/** POST /notifications/read-all — mark the whole inbox read; what arrives meanwhile stays unread. */
export const handler = route({ access: 'signed-in', idempotent: 'read-all-notifications' }, async ({ user, now }) => {
  const { marked } = await markAllRead(user.id, now, { operator: user.roles.includes('operator') });
  return ok({ marked });
});
