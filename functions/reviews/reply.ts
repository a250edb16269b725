import { ok, route } from '../../lib/http/route';
import { orderIdParams } from '../../lib/orders/schemas';
import { toReviewView } from '../../lib/reviews/model';
import { replyToReview } from '../../lib/reviews/repository';
import { replyBody } from '../../lib/reviews/schemas';

/** POST /orders/{orderId}/review/reply — the order's provider replies to the rating, once. */
export const handler = route({ access: ['provider'], actingOrganisation: false, idempotent: 'reply-review', params: orderIdParams, body: replyBody }, async ({ user, params, body, now }) =>
  ok(toReviewView(await replyToReview(user, params.orderId, body.text, now))),
);
