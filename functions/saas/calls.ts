import { ok, route } from '../../lib/http/route';
import { listSaasCalls } from '../../lib/saas/repository';
import { saasCallsQuery } from '../../lib/saas/schemas';
import { toSaasCallView } from '../../lib/saas/views';

/** GET /provider/saas-calls — the organisation's SaaS call log, newest first. */
export const handler = route({ access: ['provider'], query: saasCallsQuery }, async ({ user, query }) => {
  const page = await listSaasCalls(user.id, query);
  return ok({ items: page.items.map(toSaasCallView), nextCursor: page.nextCursor });
});
