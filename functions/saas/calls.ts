import { ok, route } from '../../lib/http/route';
import { listSaasCalls } from '../../lib/saas/repository';
import { saasCallsQuery } from '../../lib/saas/schemas';
import { toSaasCallView } from '../../lib/saas/views';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** GET /provider/saas-calls — the organisation's SaaS call log, newest first. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('saasCalls'), query: saasCallsQuery }, async ({ user, query }) => {
  const page = await listSaasCalls(providerIdOf(user), query);
  return ok({ items: page.items.map(toSaasCallView), nextCursor: page.nextCursor });
});
