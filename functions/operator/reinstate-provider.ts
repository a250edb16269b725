import { ok, route } from '../../lib/http/route';
import { toOperatorOrganisation } from '../../lib/suspension/model';
import { changeOrganisationStatus } from '../../lib/suspension/repository';
import { providerIdParams, reinstateBody } from '../../lib/suspension/schemas';

/** POST /operator/providers/{providerId}/reinstate — 恢复: exactly the products that were listed return to the catalogue. */
export const handler = route(
  { access: ['operator'], idempotent: 'reinstate-provider', params: providerIdParams, body: reinstateBody },
  async ({ user, params, body, now }) => ok(toOperatorOrganisation(await changeOrganisationStatus(user.id, params.providerId, 'reinstate', body.reason, now))),
);
