import { NotFoundError } from '../http/errors';
import { ok, type Reply } from '../http/route';
import { toProviderView } from './model';
import { getProduct } from './repository';

/**
 * A product command's answer read again, for a replay whose answer was too large to keep in its record
 * (REPLAY_BODY_LIMIT): the product as it is now, in the view every product command answers with.
 */
export const productAnswer = async ({ params }: { params: { productId: string } }): Promise<Reply> => {
  const product = await getProduct(params.productId, true);
  if (!product) throw new NotFoundError('product');
  return ok(toProviderView(product));
};
