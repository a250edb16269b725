import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { queryPage } from '../db/query';
import { queryMerged, type Shard } from '../db/sharded';
import { ConditionFailed, Expr, transactWrite, updateItem } from '../db/write';
import type { User } from '../http/auth';
import { ConflictError, ConflictOfInterestError, InvalidStateError, NotFoundError } from '../http/errors';
import type { Reply } from '../http/route';
import { idempotencyPut, replay, type IdempotencyRequest } from '../shared/idempotency';
import { newId } from '../shared/ids';
import { rateLimitUpdate, throttled, type RateRule } from '../shared/rate-limit';
import { allowedPhases, productRules, statusOf, type Phase, type ProductAction } from './model';
import {
  productItemSchema,
  type ContentPatch,
  type ProductContent,
  type ProductItem,
  type ProductStatus,
} from './schemas';
import { msg } from '../i18n';

const parseProduct = (item: Record<string, unknown>): ProductItem => productItemSchema.parse(item);

/** Each listing's GSI5 partition for this provider, stored on the product (`listingKey_<listing>`). */
const LISTINGS_KEYS = (providerId: string) =>
  Object.fromEntries(['unlisted', 'listed', 'delisted'].map((l) => [`listingKey_${l}`, keys.providerProductsByListing(providerId, l)]));


/** `(listing = a AND review = b) OR …` for a set of phases. */
const phaseCondition = (expr: Expr, phases: Phase[]) => {
  const each = phases.map((p) => `(${expr.eq('listing', p.listing)} AND ${expr.eq('review', p.review)})`);
  // DynamoDB refuses redundant parentheses, so one phase is not wrapped twice
  return each.length === 1 ? each[0] : `(${each.join(' OR ')})`;
};

/** Explains a refused product write from the item the condition saw: 404 when absent or not yours, else 409. */
const explain = (err: unknown, action: ProductAction, user: User, version?: number): never => {
  if (!(err instanceof ConditionFailed)) throw err;
  const seen = err.item;
  if (!seen || seen.type !== 'product') throw new NotFoundError('product');
  if (productRules[action].role === 'provider' && seen.providerId !== user.id) throw new NotFoundError('product');
  if (productRules[action].role === 'operator' && seen.providerId === user.id) {
    throw new ConflictOfInterestError(msg('detail.operatorOwnProduct'));
  }
  const phase = { listing: seen.listing, review: seen.review } as Phase;
  if (productRules[action].from(phase) && version !== undefined && seen.version !== version) {
    throw new ConflictError('VERSION_CONFLICT', msg('detail.productChanged', { version, current: Number(seen.version) }), {
      currentVersion: seen.version,
    });
  }
  throw new InvalidStateError(action, statusOf(phase));
};

/** 商品接入: a new draft, with its idempotency record in the same transaction when a key was sent. */
export const createProduct = async (
  user: User,
  content: ProductContent,
  now: Date,
  idempotency: IdempotencyRequest | undefined,
  answer: (p: ProductItem) => Reply,
  /** The provider's creation limit, counted in the same transaction. */
  rate?: RateRule,
): Promise<Reply> => {
  const productId = newId(now.getTime());
  const at = now.toISOString();
  const product: ProductItem = {
    productId,
    providerId: user.id,
    listing: 'unlisted',
    review: 'draft',
    version: 1,
    live: null,
    draft: content,
    reviewHistory: [],
    createdAt: at,
    updatedAt: at,
  };
  const item = {
    ...keys.product(productId),
    type: 'product',
    ...product,
    draftCatalogKey: keys.catalogByType(content.serviceType),
    GSI1PK: keys.providerProducts(user.id),
    GSI1SK: keys.sortByTime(at, productId),
    // operator search: every product (GSI7), and by listing and review (GSI8)
    GSI7PK: keys.allProducts,
    GSI7SK: keys.sortByTime(at, productId),
    GSI8PK: keys.productsByListing('unlisted'),
    GSI8SK: keys.productReviewSort('draft', productId),
    // the provider's products by status (GSI5): the partition of each listing, for commands to copy from
    // (an operator's command does not know the provider), and the review code like GSI8's
    ...LISTINGS_KEYS(user.id),
    GSI5PK: keys.providerProductsByListing(user.id, 'unlisted'),
    GSI5SK: keys.productReviewSort('draft', productId),
  };
  const reply = answer(product);
  if (!idempotency && !rate) {
    await ddb.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
    return reply;
  }
  try {
    await transactWrite({
      product: { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
      idempotency: idempotency && idempotencyPut(idempotency, reply, now),
      rate: rate && rateLimitUpdate(rate, user.id, now),
    });
    return reply;
  } catch (err) {
    if (idempotency && ConditionFailed.of(err, 'idempotency')) {
      const replayed = replay(err.item, idempotency, now);
      if (replayed) return replayed;
    }
    if (rate && ConditionFailed.of(err, 'rate')) throw throttled(rate, now);
    throw err;
  }
};

/** One product by id (GetItem); undefined when absent. */
export const getProduct = async (productId: string): Promise<ProductItem | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: keys.product(productId) }));
  return out.Item ? parseProduct(out.Item) : undefined;
};

/** Access pattern: the product page (查看), one GetItem; anything not listed answers 404 like an absent one. */
export const getListedProduct = async (productId: string) => {
  const product = await getProduct(productId);
  if (!product || product.listing !== 'listed') throw new NotFoundError('product');
  return product;
};

/** A provider's own product; someone else's answers 404 like an absent one. */
export const getOwnProduct = async (user: User, productId: string) => {
  const product = await getProduct(productId);
  if (!product || product.providerId !== user.id) throw new NotFoundError('product');
  return product;
};

/** 修改: one UpdateItem that patches only the sent fields of the draft and returns the product. */
export const editProduct = async (user: User, productId: string, patch: ContentPatch, now: Date) => {
  const expr = new Expr();
  const sets = Object.entries(patch)
    .filter(([, v]) => v !== undefined)
    .map(([field, v]) => `${expr.name(`draft.${field}`)} = ${expr.value(v)}`);
  if (patch.serviceType) sets.push(`${expr.name('draftCatalogKey')} = ${expr.value(keys.catalogByType(patch.serviceType))}`);
  sets.push(`${expr.name('review')} = ${expr.value('draft')}`);
  sets.push(`${expr.name('GSI8SK')} = ${expr.value(keys.productReviewSort('draft', productId))}`);
  sets.push(`${expr.name('GSI5SK')} = ${expr.value(keys.productReviewSort('draft', productId))}`);
  sets.push(`${expr.name('updatedAt')} = ${expr.value(now.toISOString())}`);
  sets.push(`${expr.name('version')} = ${expr.name('version')} + ${expr.value(1)}`);
  const condition = `${expr.eq('type', 'product')} AND ${expr.eq('providerId', user.id)} AND ${phaseCondition(expr, allowedPhases('edit'))}`;
  try {
    const item = await updateItem({
      TableName: tableName,
      Key: keys.product(productId),
      UpdateExpression: `SET ${sets.join(', ')} REMOVE ${expr.name('reviewReason')}`,
      ConditionExpression: condition,
      ...expr.attrs(),
    });
    return parseProduct(item);
  } catch (err) {
    return explain(err, 'edit', user);
  }
};

interface TransitionInput {
  reason?: string;
  version?: number;
}

/** What each status change writes besides `version` and `updatedAt`. */
const transitionUpdate = (action: ProductAction, productId: string, user: User, input: TransitionInput, now: Date, expr: Expr) => {
  const at = now.toISOString();
  const set = (path: string, v: unknown) => `${expr.name(path)} = ${expr.value(v)}`;
  const history = (decision: 'approved' | 'rejected' | 'delisted') =>
    `${expr.name('reviewHistory')} = list_append(${expr.name('reviewHistory')}, ${expr.value([
      { decision, ...(input.reason ? { reason: input.reason } : {}), operatorId: user.id, version: input.version, at },
    ])})`;
  const to = productRules[action].to;
  const sets = Object.entries(to).map(([k, v]) => set(k, v));
  // products by status (GSI8): each action knows the fact it sets, so it sets that half of the key
  if (to.listing) sets.push(set('GSI8PK', keys.productsByListing(to.listing)));
  if (to.review) sets.push(set('GSI8SK', keys.productReviewSort(to.review, productId)));
  // and the provider's own (GSI5): the partition copied from the product, the review code as above
  if (to.listing) sets.push(`${expr.name('GSI5PK')} = ${expr.name(`listingKey_${to.listing}`)}`);
  if (to.review) sets.push(set('GSI5SK', keys.productReviewSort(to.review, productId)));
  const removes: string[] = [];
  switch (action) {
    case 'submit':
      sets.push(set('submittedAt', at), set('GSI4PK', keys.reviewQueue), set('GSI4SK', keys.sortByTime(at, productId)));
      removes.push('reviewReason');
      break;
    case 'withdraw':
      removes.push('GSI4PK', 'GSI4SK');
      break;
    case 'approve':
      sets.push(
        `${expr.name('live')} = ${expr.name('draft')}`,
        history('approved'),
        set('GSI2PK', keys.catalog),
        `${expr.name('GSI2SK')} = if_not_exists(${expr.name('GSI2SK')}, ${expr.value(keys.sortByTime(at, productId))})`,
        `${expr.name('GSI3PK')} = ${expr.name('draftCatalogKey')}`,
        `${expr.name('GSI3SK')} = if_not_exists(${expr.name('GSI3SK')}, ${expr.value(keys.sortByTime(at, productId))})`,
        `${expr.name('listedAt')} = if_not_exists(${expr.name('listedAt')}, ${expr.value(at)})`,
      );
      removes.push('GSI4PK', 'GSI4SK', 'reviewReason');
      break;
    case 'reject':
      sets.push(set('reviewReason', input.reason), history('rejected'));
      removes.push('GSI4PK', 'GSI4SK');
      break;
    case 'delist':
      removes.push('GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'listedAt');
      break;
    case 'takedown':
      sets.push(set('reviewReason', input.reason), history('delisted'));
      removes.push('GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'listedAt', 'GSI4PK', 'GSI4SK');
      break;
    case 'edit':
      throw new Error('edit is not a status change');
  }
  sets.push(set('updatedAt', at), `${expr.name('version')} = ${expr.name('version')} + ${expr.value(1)}`);
  return `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.map((r) => expr.name(r)).join(', ')}` : ''}`;
};

/**
 * 提交, 撤销审核, 审核通过, 审核驳回, 下架: one transaction that changes the product and appends its timeline
 * entry, conditioned on ownership (providers) and the phases the action is allowed from; then one read.
 */
export const changeProductStatus = async (
  user: User,
  productId: string,
  action: Exclude<ProductAction, 'edit'>,
  input: TransitionInput,
  now: Date,
) => {
  const rule = productRules[action];
  const expr = new Expr();
  const conditions = [expr.eq('type', 'product'), phaseCondition(expr, allowedPhases(action))];
  if (rule.role === 'provider') conditions.push(expr.eq('providerId', user.id));
  // separation of duties: an operator never decides on their own product
  if (rule.role === 'operator') conditions.push(`${expr.name('providerId')} <> ${expr.value(user.id)}`);
  if (input.version !== undefined) conditions.push(expr.eq('version', input.version));
  const update = transitionUpdate(action, productId, user, input, now, expr);
  const at = now.toISOString();
  const entryId = newId(now.getTime());
  try {
    await transactWrite({
      product: {
        Update: {
          TableName: tableName,
          Key: keys.product(productId),
          UpdateExpression: update,
          ConditionExpression: conditions.join(' AND '),
          ...expr.attrs(),
        },
      },
      entry: {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.productTimeline(productId, at, entryId),
            type: 'timeline',
            entity: 'product',
            entryId,
            productId,
            action,
            actor: user.id,
            role: rule.role,
            at,
            data: input.reason ? { reason: input.reason } : {},
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    });
  } catch (err) {
    return explain(err, action, user, input.version);
  }
  const product = await getProduct(productId);
  if (!product) throw new NotFoundError('product');
  return product;
};

/**
 * Access pattern: a provider's products, newest first: all of them (GSI1), or those of one status (GSI5, a
 * key condition per listing and review code, merged): a page's items all match, whatever the history.
 * The service type is a filter on the provider's few products.
 */
export const listProviderProducts = async (
  user: User,
  q: { limit: number; cursor?: string; serviceType?: string; status?: ProductStatus },
) => {
  const typeFilter = (e: Expr) => (q.serviceType ? e.eq('draft.serviceType', q.serviceType) : undefined);
  const page = q.status
    ? await queryMerged({
        index: 'GSI5',
        list: `provider-products:${user.id}:${q.status}`,
        shards: productStatusShards(q.status, (listing) => keys.providerProductsByListing(user.id, listing)),
        filter: typeFilter,
        limit: q.limit,
        cursor: q.cursor,
        newestFirst: true,
      })
    : await queryPage({ index: 'GSI1', pk: keys.providerProducts(user.id), expr: new Expr(), limit: q.limit, cursor: q.cursor, newestFirst: true, filter: typeFilter });
  return { items: page.items.map(parseProduct), nextCursor: page.nextCursor };
};

/**
 * The partitions that hold the products of one status, each behind its review code (docs/decisions.md):
 * the operator's (GSI8, every provider) or a provider's own (GSI5), by the partition of each listing.
 */
export const productStatusShards = (status: ProductStatus, partitionOf: (listing: string) => string): Shard[] => {
  const codes = keys.reviewCodes();
  const behind = (code: string) => `${code}#`;
  switch (status) {
    case 'listed':
      return [codes.draft, codes.rejected, codes.in_review].map((c) => ({ pk: partitionOf('listed'), prefix: behind(c) }));
    case 'draft':
      return [{ pk: partitionOf('unlisted'), prefix: behind(codes.draft) }];
    case 'rejected':
      return [{ pk: partitionOf('unlisted'), prefix: behind(codes.rejected) }];
    case 'delisted':
      return [codes.draft, codes.rejected].map((c) => ({ pk: partitionOf('delisted'), prefix: behind(c) }));
    case 'in_review':
      return ['unlisted', 'delisted'].map((l) => ({ pk: partitionOf(l), prefix: behind(codes.in_review) }));
  }
};

/** Access pattern: the catalogue, newest listing first; by service type through GSI3. */
export const listCatalog = async (q: { limit: number; cursor?: string; serviceType?: string }) => {
  const page = await queryPage({
    index: q.serviceType ? 'GSI3' : 'GSI2',
    pk: q.serviceType ? keys.catalogByType(q.serviceType) : keys.catalog,
    expr: new Expr(),
    limit: q.limit,
    cursor: q.cursor,
    newestFirst: true,
  });
  return { items: page.items.map(parseProduct), nextCursor: page.nextCursor };
};

/** Access pattern: the review queue, oldest submission first (GSI4 `REVIEW`). */
export const listReviewQueue = async (q: { limit: number; cursor?: string }) => {
  const page = await queryPage({ index: 'GSI4', pk: keys.reviewQueue, expr: new Expr(), limit: q.limit, cursor: q.cursor });
  return { items: page.items.map(parseProduct), nextCursor: page.nextCursor };
};


/**
 * Deletes a product that buyers never saw: one conditional DeleteItem (`listing = unlisted`). Someone
 * else's or an absent product answers 404; a product that was ever listed answers 409 and keeps everything.
 */
export const deleteUnlistedProduct = async (user: User, productId: string): Promise<void> => {
  try {
    await ddb.send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.product(productId),
        ConditionExpression: '#type = :product AND providerId = :me AND listing = :unlisted',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':product': 'product', ':me': user.id, ':unlisted': 'unlisted' },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    const seen = err.Item ? unmarshall(err.Item as never) : undefined;
    if (!seen || seen.type !== 'product' || seen.providerId !== user.id) throw new NotFoundError('product');
    throw new ConflictError('PRODUCT_WAS_LISTED', msg('detail.productWasListed'), {
      currentStatus: statusOf({ listing: seen.listing, review: seen.review } as Phase),
    });
  }
};
