import { ok, route } from '../../lib/http/route';
import { rolesFor } from '../../lib/providers/roles';
import { actingProviderId } from '../../lib/codes/routes';
import { uploadCodes } from '../../lib/codes/repository';
import { productIdParams, uploadCodesBody } from '../../lib/codes/schemas';

/** POST /provider/products/{productId}/codes — 上传兑换码 for one plan; answers what was added and the stock. */
export const handler = route(
  { access: ['provider'], memberRoles: rolesFor('codes'), idempotent: 'upload-codes', params: productIdParams, body: uploadCodesBody },
  async ({ user, params, body, now }) => ok(await uploadCodes(actingProviderId(user), params.productId, body, now)),
);
