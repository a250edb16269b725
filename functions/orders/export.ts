import { route } from '../../lib/http/route';
import { exportOrders } from '../../lib/orders/export';
import { exportQuery } from '../../lib/orders/export-schemas';
import { languageOf } from '../../lib/orders/model';
import { providerIdOf } from '../../lib/providers/access';
import { rolesFor } from '../../lib/providers/roles';

/** GET /provider/orders/export — own orders as CSV (UTF-8 with BOM; Chinese headers unless Accept-Language: en). */
export const handler = route({ access: ['provider'], memberRoles: rolesFor('finance'), query: exportQuery }, async ({ user, query, headers, now }) => {
  const out = await exportOrders(providerIdOf(user), query, languageOf(headers));
  return {
    status: 200,
    raw: out.csv,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="orders-${now.toISOString().slice(0, 10)}.csv"`,
      'export-rows': String(out.rows),
      ...(out.nextCursor ? { 'export-truncated': 'true', 'export-next-cursor': out.nextCursor } : {}),
    },
  };
});
