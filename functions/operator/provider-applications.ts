import { ok, route } from '../../lib/http/route';
import { toApplicationView } from '../../lib/providers/applications/model';
import { listApplicationQueue } from '../../lib/providers/applications/repository';
import { applicationQueueQuery } from '../../lib/providers/applications/schemas';

/** GET /operator/provider-applications — 入驻审核: the applications in one status (default pending), oldest first. */
export const handler = route({ access: ['operator'], query: applicationQueueQuery }, async ({ query }) => {
  const page = await listApplicationQueue(query);
  return ok({ items: page.items.map(toApplicationView), nextCursor: page.nextCursor });
});
