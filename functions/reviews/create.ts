import { created, route } from '../../lib/http/route';
import { orderIdParams } from '../../lib/orders/schemas';
import { toReviewView } from '../../lib/reviews/model';
import { createReview } from '../../lib/reviews/repository';
import { reviewBody } from '../../lib/reviews/schemas';

/** POST /orders/{orderId}/review — 评价: the buyer rates a completed order, once. */
export const handler = route({ access: ['buyer'], idempotent: 'create-review', params: orderIdParams, body: reviewBody }, async ({ user, params, body, now }) =>
  created(toReviewView(await createReview(user, params.orderId, body, now))),
);
