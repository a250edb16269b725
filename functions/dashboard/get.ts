import { ok, route } from '../../lib/http/route';
import { periodOf } from '../../lib/dashboard/model';
import { readDashboard } from '../../lib/dashboard/repository';
import { dashboardQuery } from '../../lib/dashboard/schemas';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** GET /provider/dashboard?from&to — per-day orders and revenue, orders per status, averages, urges, appeals. */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('finance'), query: dashboardQuery }, async ({ user, query, now }) => {
  const { from, to } = periodOf(query, now);
  return ok(await readDashboard(providerIdOf(user), from, to));
});
