import { ok, route } from '../../lib/http/route';
import { listMembers } from '../../lib/members/repository';
import { membersQuery } from '../../lib/members/schemas';
import { toMemberView } from '../../lib/members/views';
import { providerIdOf } from '../../lib/providers/access';

/** GET /provider/members — the acting organisation's team with their roles, oldest member first; every member reads it. */
export const handler = route({ access: ['provider'], query: membersQuery }, async ({ user, query }) => {
  const page = await listMembers(providerIdOf(user), query);
  return ok({ items: page.items.map(toMemberView), nextCursor: page.nextCursor });
});
