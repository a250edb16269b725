import { ok, route } from '../../lib/http/route';
import { toApplicationView } from '../../lib/providers/applications/model';
import { listMyApplications } from '../../lib/providers/applications/repository';
import { myApplicationsQuery } from '../../lib/providers/applications/schemas';

/** GET /provider-applications/mine — the caller's own applications, newest first. */
export const handler = route({ access: 'signed-in', query: myApplicationsQuery }, async ({ user, query }) => {
  const page = await listMyApplications(user.id, query);
  return ok({ items: page.items.map(toApplicationView), nextCursor: page.nextCursor });
});
