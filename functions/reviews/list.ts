import { ok, route } from '../../lib/http/route';
import { productIdParams } from '../../lib/products/schemas';
import { ratingSummary, toPublicReviewView } from '../../lib/reviews/model';
import { listProductReviews } from '../../lib/reviews/repository';
import { productReviewsQuery } from '../../lib/reviews/schemas';

/** GET /products/{productId}/reviews — a listed product's ratings, newest first, with its average and count; no party ids. */
export const handler = route({ access: 'public', params: productIdParams, query: productReviewsQuery }, async ({ params, query }) => {
  const page = await listProductReviews(params.productId, query);
  return ok({ rating: ratingSummary(page.product), items: page.items.map(toPublicReviewView), nextCursor: page.nextCursor });
});
