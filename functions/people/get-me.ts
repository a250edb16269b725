import { ok, route } from '../../lib/http/route';
import { personWithProfile } from '../../lib/people/repository';
import { toMeView } from '../../lib/people/views';

/** GET /me — own profile (made on first read), email preferences, and the organisations with role. */
export const handler = route({ access: 'signed-in' }, async ({ user, now }) => ok(toMeView(await personWithProfile(user.id, now), user.roles)));
