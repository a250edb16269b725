import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isPublic } from '../products/items';
import { z } from 'zod';
import { ddb, tableName } from '../db/client';
import { indexes, keys } from '../db/keys';
import { invalidCursor } from '../db/query';
import { ConditionFailed, Expr, transactWrite, updateItem } from '../db/write';
import type { User } from '../http/auth';
import { ConflictError, InvalidStateError, NotFoundError } from '../http/errors';
import { sideOf } from '../orders/access';
import type { OrderHead, OrderStatus } from '../orders/schemas';
import { parseHead } from '../orders/layout';
import { productItem } from '../products/items';
import { getProductHead } from '../products/repository';
import { editableUntil } from './model';
import { reviewItem } from './items';
import { updateExpression } from '../db/item';
import { parseReview, type ReviewEdit, type ReviewInput, type ReviewItem } from './schemas';
import { msg } from '../i18n';
import { isMemberOf, MemberRoleForbiddenError } from '../providers/access';
import { roleAllows, rolesFor } from '../providers/roles';
import { unwrapRows } from '../db/row';

/** The order's head: its parties, status and the names a rating copies. */
const readOrder = async (orderId: string): Promise<OrderHead | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: keys.order(orderId), ConsistentRead: true }));
  return out.Item?.type === 'order' ? parseHead(out.Item) : undefined;
};

const alreadyReviewed = () => new ConflictError('ALREADY_REVIEWED', msg('detail.alreadyRated'));

/** The product aggregate's change, in the same transaction as the rating it counts. */
const aggregateUpdate = (productId: string, countDelta: number, sumDelta: number, aggregate = new Expr()) => ({
  Update: {
    TableName: tableName,
    Key: productItem.key({ productId }),
    UpdateExpression: updateExpression([
      ...productItem.set(aggregate, 'ratingCount', `if_not_exists(${aggregate.name('ratingCount')}, ${aggregate.value(0)}) + ${aggregate.value(countDelta)}`),
      ...productItem.set(aggregate, 'ratingSum', `if_not_exists(${aggregate.name('ratingSum')}, ${aggregate.value(0)}) + ${aggregate.value(sumDelta)}`),
    ]),
    ConditionExpression: 'attribute_exists(PK)',
    ...aggregate.attrs(),
  },
});

/**
 * 评价: the buyer rates a completed order once. One GetItem (the order names its product), then one
 * transaction: the order is still the buyer's and completed, the rating is new, the product's aggregate grows.
 */
export const createReview = async (user: User, orderId: string, input: ReviewInput, now: Date): Promise<ReviewItem> => {
  const order = await readOrder(orderId);
  if (!order || sideOf(order, user) !== 'buyer') throw new NotFoundError('order');
  if (order.status !== 'completed') throw new InvalidStateError('rate', order.status);
  const at = now.toISOString();
  const review: ReviewItem = {
    orderId,
    productId: order.productId,
    buyerId: order.buyerId,
    providerId: order.providerId,
    ...(order.buyerName !== undefined ? { buyerName: order.buyerName } : {}),
    planName: order.planName,
    rating: input.rating,
    ...(input.comment ? { comment: input.comment } : {}),
    createdAt: at,
    updatedAt: at,
  };
  try {
    await transactWrite({
      order: {
        ConditionCheck: {
          TableName: tableName,
          Key: keys.order(orderId),
          ConditionExpression: '#status = :completed AND #buyerId = :buyer',
          ExpressionAttributeNames: { '#status': 'status', '#buyerId': 'buyerId' },
          ExpressionAttributeValues: { ':completed': 'completed', ':buyer': user.id },
        },
      },
      review: {
        Put: {
          TableName: tableName,
          Item: reviewItem.item(review),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      product: aggregateUpdate(order.productId, 1, input.rating),
    });
  } catch (err) {
    if (ConditionFailed.of(err, 'review')) throw alreadyReviewed();
    if (ConditionFailed.of(err, 'product')) throw new NotFoundError('product');
    if (ConditionFailed.of(err, 'order')) throw new InvalidStateError('rate', (err.item?.status ?? order.status) as OrderStatus);
    throw err;
  }
  return review;
};

/**
 * The author edits a rating within 7 days: one GetItem of the rating, then one transaction conditioned on
 * the rating read that changes it and moves the product's sum by the difference.
 */
export const editReview = async (user: User, orderId: string, input: ReviewEdit, now: Date): Promise<ReviewItem> => {
  const raw = (await ddb.send(new GetCommand({ TableName: tableName, Key: reviewItem.key({ orderId }), ConsistentRead: true }))).Item;
  const current = raw ? parseReview(raw) : undefined;
  if (!current || current.buyerId !== user.id) throw new NotFoundError('rating');
  if (now >= editableUntil(current)) {
    throw new ConflictError('EDIT_WINDOW_CLOSED', msg('detail.ratingEditWindowClosed'));
  }
  const next: ReviewItem = {
    ...current,
    rating: input.rating ?? current.rating,
    updatedAt: now.toISOString(),
    ...(input.comment !== undefined ? { comment: input.comment || undefined } : {}),
  };
  const expr = new Expr();
  const sets = [...reviewItem.set(expr, 'rating', expr.value(next.rating)), ...reviewItem.set(expr, 'updatedAt', expr.value(next.updatedAt))];
  const removes = next.comment === undefined ? reviewItem.remove(expr, 'comment') : [];
  if (next.comment !== undefined) sets.push(...reviewItem.set(expr, 'comment', expr.value(next.comment)));
  const condition = `${expr.eq('buyerId', user.id)} AND ${expr.eq('rating', current.rating)} AND ${expr.eq('updatedAt', current.updatedAt)}`;
  try {
    await transactWrite({
      review: {
        Update: {
          TableName: tableName,
          Key: reviewItem.key({ orderId }),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: condition,
          ...expr.attrs(),
        },
      },
      product: aggregateUpdate(current.productId, 0, next.rating - current.rating),
    });
  } catch (err) {
    if (ConditionFailed.of(err, 'review')) {
      throw new ConflictError('VERSION_CONFLICT', msg('detail.ratingChanged'));
    }
    throw err;
  }
  return next;
};

/**
 * The provider's one reply: one conditional UpdateItem, explained from the rating it saw. The rating's
 * organisation must be one the person belongs to in a member role that may reply (their memberships, read
 * with the request); a member in another role gets 403 MEMBER_ROLE_FORBIDDEN, anyone else 404.
 */
export const replyToReview = async (user: User, orderId: string, text: string, now: Date): Promise<ReviewItem> => {
  const allowed = rolesFor('reviewReply');
  const mine = (user.memberships ?? []).filter((m) => roleAllows(m.role, allowed)).map((m) => m.providerId);
  const expr = new Expr();
  const own = mine.length ? expr.in('providerId', mine) : expr.eq('providerId', null);
  try {
    const out = await updateItem({
      TableName: tableName,
      Key: reviewItem.key({ orderId }),
      UpdateExpression: updateExpression(reviewItem.set(expr, 'reply', expr.value({ text, at: now.toISOString() }))),
      ConditionExpression: `attribute_exists(PK) AND ${own} AND attribute_not_exists(${expr.name('reply')})`,
      ...expr.attrs(),
    });
    return parseReview(out);
  } catch (err) {
    if (!(err instanceof ConditionFailed)) throw err;
    if (!err.item || !isMemberOf(user, String(err.item.providerId))) throw new NotFoundError('rating');
    if (!mine.includes(String(err.item.providerId))) throw new MemberRoleForbiddenError(allowed);
    throw new ConflictError('ALREADY_REPLIED', msg('detail.alreadyReplied'));
  }
};

/**
 * The public list's cursor says where the last page stopped without naming any order: the last rating's
 * time and how many ratings of exactly that time were already answered (a key's order id would be one).
 */
const ratingsCursor = z.object({ at: z.iso.datetime(), skip: z.number().int().min(1).max(1000) });
type RatingsCursor = z.infer<typeof ratingsCursor>;

const decodeRatingsCursor = (cursor: string): RatingsCursor => {
  try {
    return ratingsCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor();
  }
};
const encodeRatingsCursor = (c: RatingsCursor) => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

/**
 * Access pattern: a listed product's ratings, newest first (GSI1 `PRODUCT#<id>#REVIEWS`), with the product
 * (its aggregate, and whether it is listed) read beside it: one Query and one GetItem, in parallel. A page
 * after the first starts at the cursor's time (sort key `<= <at>#~`) and passes over the ratings of that
 * time it already answered.
 */
export const listProductReviews = async (productId: string, q: { limit: number; cursor?: string }) => {
  const after = q.cursor ? decodeRatingsCursor(q.cursor) : undefined;
  const [product, out] = await Promise.all([
    getProductHead(productId),
    ddb.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: after ? '#pk = :pk AND #sk <= :at' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': indexes.GSI1.pk, ...(after ? { '#sk': indexes.GSI1.sk } : {}) },
        ExpressionAttributeValues: { ':pk': keys.productReviews(productId), ...(after ? { ':at': `${after.at}#~` } : {}) },
        ScanIndexForward: false,
        // one more than the page says whether anything follows
        Limit: q.limit + (after?.skip ?? 0) + 1,
      }),
    ),
  ]);
  if (!product || !isPublic(product)) throw new NotFoundError('product');
  const read = unwrapRows(out.Items).map(parseReview);
  let answered = 0;
  while (after && answered < after.skip && read[answered]?.createdAt === after.at) answered++;
  const rest = read.slice(answered);
  const items = rest.slice(0, q.limit);
  const last = items.at(-1);
  if (rest.length <= q.limit || !last) return { product, items, nextCursor: null };
  const sameTime = items.filter((r) => r.createdAt === last.createdAt).length + (last.createdAt === after?.at ? after.skip : 0);
  return { product, items, nextCursor: encodeRatingsCursor({ at: last.createdAt, skip: sameTime }) };
};
