import { ok, route } from '../../lib/http/route';
import { markRead, toNotificationView } from '../../lib/notifications/repository';
import { notificationIdParams } from '../../lib/notifications/schemas';
import { languageOf } from '../../lib/orders/model';

/** POST /notifications/{notificationId}/read — only its recipient can; reading twice is harmless. */
export const handler = route({ access: 'signed-in', params: notificationIdParams }, async ({ user, params, headers, now }) =>
  ok(toNotificationView(await markRead(user.id, params.notificationId, now, { operator: user.roles.includes('operator') }), languageOf(headers))),
);
