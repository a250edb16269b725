import { ok, route } from '../../lib/http/route';
import { toOperatorOrganisation } from '../../lib/suspension/model';
import { listOrganisations } from '../../lib/suspension/repository';
import { operatorProvidersQuery } from '../../lib/suspension/schemas';

/** GET /operator/providers — the organisations by name; filters name prefix, credit code, status (each a key condition). */
export const handler = route({ access: ['operator'], query: operatorProvidersQuery }, async ({ query }) => {
  const page = await listOrganisations(query);
  return ok({ items: page.items.map(toOperatorOrganisation), nextCursor: page.nextCursor });
});
