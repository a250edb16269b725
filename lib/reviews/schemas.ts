import { z } from 'zod';
import { pageParams } from '../shared/pagination';
import { fieldMessage, msg } from '../i18n';
import { BIDI, CONTROL, hasVisible } from '../shared/text';

/**
 * A rating's public text (the comment, the reply): anyone reads it on the product page, so, as a product's
 * description, no control or direction-changing characters (line breaks and tabs are fine), and something
 * visible. `''` stays allowed where it means "no text" (an edit that removes the comment).
 */
const publicText = (min: 0 | 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(500)
    .refine((s) => !CONTROL.test(s) && !BIDI.test(s), { message: fieldMessage(msg('field.noControlCharactersInText')) })
    .refine((s) => s === '' || hasVisible(s), { message: fieldMessage(msg('field.visibleCharacters')) });

/** 评价: a rating 1–5 and an optional comment (spec 4.2). */
export const reviewBody = z.object({
  rating: z.number().int().min(1).max(5),
  comment: publicText(0).optional(),
});
export type ReviewInput = z.infer<typeof reviewBody>;

/** The author's edit within 7 days: any of the two fields. */
export const editReviewBody = reviewBody
  .partial()
  .refine((b) => b.rating !== undefined || b.comment !== undefined, { message: fieldMessage(msg('field.ratingOrComment')) });
export type ReviewEdit = z.infer<typeof editReviewBody>;

/** The provider's one reply. */
export const replyBody = z.object({ text: publicText(1) });

export const productReviewsQuery = z.object(pageParams);

/** A rating as stored, in its order's partition and in its product's reviews (GSI1). */
export const reviewItemSchema = z.object({
  orderId: z.string(),
  productId: z.string(),
  buyerId: z.string(),
  providerId: z.string(),
  /** The buyer's display name, copied from the order at rating time (shown masked on the product page). */
  buyerName: z.string().optional(),
  planName: z.string(),
  rating: z.number(),
  comment: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reply: z.object({ text: z.string(), at: z.string() }).optional(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const parseReview = (item: Record<string, unknown>) => reviewItemSchema.parse(item);

// ---- Views: what the API answers.

export const ratingSummaryView = z
  .object({
    average: z.number().nullable().meta({ description: 'to one decimal; null without ratings' }),
    count: z.number().int(),
  })
  .meta({ id: 'RatingSummary' });

/** A rating as its order's parties and the operators read it (its answers and `GET /orders/{orderId}`). */
export const reviewView = z
  .object({
    orderId: z.string(),
    productId: z.string(),
    buyerId: z.string(),
    planName: z.string(),
    rating: z.number().int(),
    comment: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    editableUntil: z.string().meta({ description: 'the author may edit until then (7 days)' }),
    reply: z.object({ text: z.string(), at: z.string() }).nullable(),
  })
  .meta({ id: 'Review' });
export type ReviewView = z.infer<typeof reviewView>;

/** A rating as anyone reads it on the product page: no order id, no buyer id (they would let one follow a buyer's purchases). */
export const publicReviewView = reviewView
  .omit({ orderId: true, buyerId: true })
  .extend({ buyerName: z.string().meta({ description: 'the author’s display name masked: first character and asterisks ("张**")' }) })
  .meta({ id: 'PublicReview' });
export type PublicReviewView = z.infer<typeof publicReviewView>;

export const reviewPageView = z
  .object({ rating: ratingSummaryView, items: z.array(publicReviewView), nextCursor: z.string().nullable() })
  .meta({ id: 'ReviewPage' });
