import { defineItem } from '../db/item';
import { keys } from '../db/keys';
import { reviewItemSchema } from './schemas';

/** A buyer's rating of a completed order: in the order's partition, and in its product's ratings. */
export const reviewItem = defineItem({
  name: 'rating',
  type: 'review',
  home: 'lib/reviews/items.ts',
  description: 'The buyer’s one rating of a completed order (and the provider’s one reply), in the order’s partition.',
  schema: reviewItemSchema,
  key: (r: { orderId: string }) => keys.review(r.orderId),
  indexes: {
    GSI1: {
      pk: { uses: ['productId'], build: (r) => keys.productReviews(r.productId) },
      sk: { uses: ['createdAt', 'orderId'], build: (r) => keys.sortByTime(r.createdAt, r.orderId) },
      serves: ['a product’s ratings, newest first (`GET /products/{productId}/reviews`)'],
    },
  },
});
