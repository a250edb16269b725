import { ok, route } from '../../lib/http/route';
import { orderIdParams } from '../../lib/orders/schemas';
import { toReviewView } from '../../lib/reviews/model';
import { editReview } from '../../lib/reviews/repository';
import { editReviewBody } from '../../lib/reviews/schemas';

/** PATCH /orders/{orderId}/review — the author edits the rating within 7 days. */
export const handler = route({ access: ['buyer'], idempotent: 'edit-review', params: orderIdParams, body: editReviewBody }, async ({ user, params, body, now }) =>
  ok(toReviewView(await editReview(user, params.orderId, body, now))),
);
