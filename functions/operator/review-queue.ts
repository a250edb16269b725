import { ok, route } from '../../lib/http/route';
import { toProductRow } from '../../lib/products/model';
import { listReviewQueue } from '../../lib/products/repository';
import { reviewQueueQuery } from '../../lib/products/schemas';

/** GET /operator/reviews — what waits for review, oldest submission first. */
export const handler = route({ access: ['operator'], query: reviewQueueQuery }, async ({ query }) => {
  const page = await listReviewQueue(query);
  return ok({ items: page.items.map(toProductRow), nextCursor: page.nextCursor });
});
