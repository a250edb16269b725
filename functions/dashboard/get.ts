import { ok, route } from '../../lib/http/route';
import { periodOf } from '../../lib/dashboard/model';
import { readDashboard } from '../../lib/dashboard/repository';
import { dashboardQuery } from '../../lib/dashboard/schemas';

/** GET /provider/dashboard?from&to — per-day orders and revenue, orders per status, averages, urges, appeals. */
export const handler = route({ access: ['provider'], query: dashboardQuery }, async ({ user, query, now }) => {
  const { from, to } = periodOf(query, now);
  return ok(await readDashboard(user.id, from, to));
});
