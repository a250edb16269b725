import type { User } from '../http/auth';
import { ConflictError } from '../http/errors';
import { msg } from '../i18n';
import type { ProductItem } from '../products/schemas';
import { changeProductStatus, type ProductGate } from '../products/repository';
import { missingChecks } from './endpoint';
import { getSaasEndpoint } from './repository';

/** The refusal of the first write when the content being submitted is SaaS: the endpoint decides. */
class SaasContent extends Error {
  constructor(readonly providerId: string) {
    super('the submitted content is a SaaS product');
  }
}

/** The first write's condition: the content being submitted is not SaaS (so other products cost what they did). */
const notSaas: ProductGate = {
  // on the product's head: the draft's card carries its delivery
  condition: (expr) => `(attribute_not_exists(${expr.name('draftCard.delivery')}) OR ${expr.name('draftCard.delivery')} <> ${expr.value('saas')})`,
  refusal: (seen) =>
    ((seen.draftCard ?? seen.draft) as { delivery?: string } | undefined)?.delivery === 'saas' ? new SaasContent(String(seen.providerId)) : undefined,
};

/**
 * 提交 with the SaaS gate (spec 3.1): a product whose content being submitted has delivery `saas` is submitted only
 * after createInstance, renewInstance, expireInstance and destroyInstance passed 接口调试 against the endpoint as
 * saved (409 SAAS_CHECKS_MISSING naming those missing). Any other product: the one blind write as before, with
 * the condition that it is not SaaS; a SaaS one is refused by it, then the organisation's endpoint is read
 * (GetItem) and the write sent again without that condition when nothing is missing.
 */
export const submitProduct = async (user: User, productId: string, now: Date): Promise<ProductItem> => {
  try {
    return await changeProductStatus(user, productId, 'submit', {}, now, notSaas);
  } catch (err) {
    if (!(err instanceof SaasContent)) throw err;
    const missing = missingChecks(await getSaasEndpoint(err.providerId, true));
    if (missing.length > 0) throw new ConflictError('SAAS_CHECKS_MISSING', msg('detail.saasChecksMissing', { actions: missing.join(', ') }), { missing });
    return changeProductStatus(user, productId, 'submit', {}, now);
  }
};
