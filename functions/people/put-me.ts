import { ok, route } from '../../lib/http/route';
import { updateProfile } from '../../lib/people/repository';
import { putMeBody } from '../../lib/people/schemas';
import { toMeView } from '../../lib/people/views';

/** PUT /me — replace the editable profile (display name, phone, language, email preferences). */
export const handler = route({ access: 'signed-in', idempotent: 'put-me', body: putMeBody }, async ({ user, body, now }) =>
  ok(toMeView(await updateProfile(user.id, body, now), user.roles)),
);
