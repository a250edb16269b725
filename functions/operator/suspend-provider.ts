import { ok, route } from '../../lib/http/route';
import { toOperatorOrganisation } from '../../lib/suspension/model';
import { changeOrganisationStatus } from '../../lib/suspension/repository';
import { providerIdParams, suspendBody } from '../../lib/suspension/schemas';

/** POST /operator/providers/{providerId}/suspend — 暂停, with a reason: its products leave the catalogue; its orders go on. */
export const handler = route(
  { access: ['operator'], idempotent: 'suspend-provider', params: providerIdParams, body: suspendBody },
  async ({ user, params, body, now }) => ok(toOperatorOrganisation(await changeOrganisationStatus(user.id, params.providerId, 'suspend', body.reason, now))),
);
