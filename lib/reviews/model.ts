import { maskName } from '../people/names';
import type { PublicReviewView, ReviewItem, ReviewView } from './schemas';

/** How long the author may edit a rating (spec 4.2). */
export const REVIEW_EDIT_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether the author may still edit a rating at `now`. */
export const editableUntil = (r: Pick<ReviewItem, 'createdAt'>) => new Date(Date.parse(r.createdAt) + REVIEW_EDIT_MS);

/** A product's rating as the product page shows it: the average to one decimal and the count. */
export const ratingSummary = (p: { ratingCount?: number; ratingSum?: number }) => {
  const count = p.ratingCount ?? 0;
  return { average: count > 0 ? Math.round(((p.ratingSum ?? 0) / count) * 10) / 10 : null, count };
};

/** A rating as clients see it. */
export const toReviewView = (r: ReviewItem): ReviewView => ({
  orderId: r.orderId,
  productId: r.productId,
  buyerId: r.buyerId,
  planName: r.planName,
  rating: r.rating,
  comment: r.comment ?? null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  editableUntil: editableUntil(r).toISOString(),
  reply: r.reply ?? null,
});

/** A rating as the public product page shows it: the parties' ids left out. */
export const toPublicReviewView = (r: ReviewItem): PublicReviewView => {
  const { orderId: _order, buyerId: _buyer, ...rest } = toReviewView(r);
  return { ...rest, buyerName: maskName(r.buyerName) };
};
