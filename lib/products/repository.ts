import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { queryPage } from '../db/query';
import { queryMerged, type Shard } from '../db/sharded';
import { copyOf, ifAbsent, updateExpression } from '../db/item';
import { ConditionFailed, Expr, transactWrite } from '../db/write';
import type { User } from '../http/auth';
import { ConflictError, ConflictOfInterestError, InvalidStateError, NotFoundError, ValidationError } from '../http/errors';
import type { Reply } from '../http/route';
import { idempotencyPut, keptOf, rebuilt, replay, type IdempotencyRequest } from '../shared/idempotency';
import { newId } from '../shared/ids';
import { rateLimitUpdate, throttled, type RateRule } from '../shared/rate-limit';
import { allowedPhases, productRules, statusOf, transitionGroups, type Phase, type ProductAction } from './model';
import {
  DELIVERIES_BY_SERVICE_TYPE,
  deliveryAllowed,
  serviceTypesFor,
  CARD_OMITS,
  type ContentPatch,
  type Delivery,
  type ServiceType,
  type ProductContent,
  type ProductHead,
  type ProductItem,
  type ProductStatus,
} from './schemas';
import { isPublic, productBodyItem, productEntryItem, productItem } from './items';
import { isWhole, parseProductHead, productRecords, readProduct, splitOnWrite } from './layout';
import { saleChange } from './sale';
import { organisationActive, providerSuspended } from '../suspension/checks';
import { msg } from '../i18n';
import { isMemberOf, providerIdOf } from '../providers/access';

/** Conditions keeping a write off the products of every organisation the person belongs to. */
const notOfOwnOrganisations = (expr: Expr, user: User) =>
  [...new Set((user.memberships ?? []).map((m) => m.providerId))].map((p) => `${expr.name('providerId')} <> ${expr.value(p)}`);

/** Tries a write on a product's head and body again once after splitting a product found stored whole (its first command since). */
const SPLIT_RETRIES = 2;

/** `(listing = a AND review = b) OR …` for a set of phases. */
const phaseCondition = (expr: Expr, phases: Phase[]) => {
  const each = phases.map((p) => `(${expr.eq('listing', p.listing)} AND ${expr.eq('review', p.review)})`);
  // DynamoDB refuses redundant parentheses, so one phase is not wrapped twice
  return each.length === 1 ? each[0] : `(${each.join(' OR ')})`;
};

/**
 * Why an action may not be taken on a product as read (or as a refused condition saw it): 404 when absent
 * or not yours, 409 for an operator's own product, a phase the action is not allowed from, or a version
 * other than the one the caller read; undefined when the action may be taken.
 */
const refusal = (seen: Record<string, unknown> | undefined, action: ProductAction, user: User, version?: number) => {
  if (!seen || !productItem.is(seen)) return new NotFoundError('product');
  if (productRules[action].role === 'provider' && seen.providerId !== providerIdOf(user)) return new NotFoundError('product');
  if (productRules[action].role === 'operator' && isMemberOf(user, String(seen.providerId))) {
    return new ConflictOfInterestError(msg('detail.operatorOwnProduct'));
  }
  const phase = { listing: seen.listing, review: seen.review } as Phase;
  if (!productRules[action].from(phase)) return new InvalidStateError(action, statusOf(phase));
  if (action === 'approve' && seen.suspended === true) return providerSuspended();
  if (version !== undefined && seen.version !== version) {
    return new ConflictError('VERSION_CONFLICT', msg('detail.productChanged', { version, current: Number(seen.version) }), {
      currentVersion: seen.version,
    });
  }
  return undefined;
};

/**
 * A condition a status change adds to its write (the SaaS submit gate, lib/saas/gate.ts): on the product as
 * stored, so the change stays one blind write; `refusal` explains a product that the other conditions let through.
 */
export interface ProductGate {
  condition: (expr: Expr) => string;
  refusal: (seen: Record<string, unknown>) => Error | undefined;
}

/** Explains a refused product write from the item the condition saw. */
const explain = (err: unknown, action: ProductAction, user: User, version?: number): never => {
  if (!(err instanceof ConditionFailed)) throw err;
  const seen = err.item;
  throw refusal(seen, action, user, version) ?? new InvalidStateError(action, statusOf({ listing: seen?.listing, review: seen?.review } as Phase));
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
    providerId: providerIdOf(user),
    // the organisation's name, copied so that the catalogue shows it with no read of the organisation
    ...(user.provider?.organisationName ? { providerName: user.provider.organisationName } : {}),
    listing: 'unlisted',
    review: 'draft',
    version: 1,
    live: null,
    draft: content,
    reviewHistory: [],
    createdAt: at,
    updatedAt: at,
  };
  const { head, body } = productRecords(product);
  const reply = answer(product);
  try {
    await transactWrite({
      product: { Put: { TableName: tableName, Item: head, ConditionExpression: 'attribute_not_exists(PK)' } },
      body: { Put: { TableName: tableName, Item: body, ConditionExpression: 'attribute_not_exists(PK)' } },
      // a suspended organisation creates no product (spec 2.1)
      organisation: organisationActive(product.providerId),
      // a large answer is read again on replay (the product), never kept
      idempotency: idempotency && idempotencyPut(idempotency, keptOf(reply, { ref: productId })!, now),
      rate: rate && rateLimitUpdate(rate, user.id, now),
    });
    return reply;
  } catch (err) {
    if (idempotency && ConditionFailed.of(err, 'idempotency')) {
      const replayed = replay(err.item, idempotency, now);
      if (replayed && !replayed.rebuild) return replayed.reply;
      if (replayed) {
        const again = replayed.rebuild.ref ? await getProduct(replayed.rebuild.ref, true) : undefined;
        if (!again) throw new NotFoundError('product');
        return rebuilt(replayed.reply, answer(again));
      }
    }
    if (rate && ConditionFailed.of(err, 'rate')) throw throttled(rate, now);
    if (ConditionFailed.of(err, 'organisation')) throw providerSuspended();
    throw err;
  }
};

/** One product by id, head and body (one Query of its partition); undefined when absent. */
export const getProduct = (productId: string, consistent = false): Promise<ProductItem | undefined> => readProduct(productId, consistent);

/** A product's head alone (GetItem): its listing and rating aggregate, for reads that need no content; undefined when absent. */
export const getProductHead = async (productId: string): Promise<ProductHead | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: productItem.key({ productId }) }));
  return out.Item && productItem.is(out.Item) ? parseProductHead(out.Item) : undefined;
};

/** Access pattern: the product page (查看), one Query (head and body); anything not listed answers 404 like an absent one. */
export const getListedProduct = async (productId: string) => {
  const product = await getProduct(productId);
  if (!product || !isPublic(product)) throw new NotFoundError('product');
  return product;
};

/** Access pattern: any product for an operator (the review page: content and history), one Query (head and body). */
export const getProductForOperator = async (productId: string) => {
  const product = await getProduct(productId);
  if (!product) throw new NotFoundError('product');
  return product;
};

/** A provider's own product; someone else's answers 404 like an absent one. */
export const getOwnProduct = async (user: User, productId: string) => {
  const product = await getProduct(productId);
  if (!product || product.providerId !== providerIdOf(user)) throw new NotFoundError('product');
  return product;
};

/**
 * 修改: one transaction that patches only the sent fields of the draft (in the body) and of its card (on the
 * head, with the review state, the version and the condition), then one consistent read answers the product
 * as written (a transaction returns nothing): one write and one read.
 */
export const editProduct = async (user: User, productId: string, patch: ContentPatch, now: Date): Promise<ProductItem> => {
  const providerId = providerIdOf(user);
  const sent = Object.entries(patch).filter(([, v]) => v !== undefined);
  for (let tries = 0; ; tries += 1) {
    const expr = new Expr();
    const sets = sent
      .filter(([field]) => !(CARD_OMITS as readonly string[]).includes(field))
      .flatMap(([field, v]) => productItem.set(expr, `draftCard.${field}`, expr.value(v)));
    // the review state's index keys follow from the declaration; the provider is the condition's
    const own = productItem.update(expr, { review: 'draft', reviewReason: undefined, updatedAt: now.toISOString() }, { productId, providerId });
    sets.push(...own.sets, ...productItem.set(expr, 'version', `${expr.name('version')} + ${expr.value(1)}`));
    // the organisation's name as it is now (products stored before names were copied get it on their next edit)
    if (user.provider?.organisationName) sets.push(...productItem.set(expr, 'providerName', expr.value(user.provider.organisationName)));
    // the key copies a blind status change copies from: current after the edit, and written on a product stored without them
    sets.push(...productItem.copiesKnown(expr, { providerId, ...(patch.serviceType ? { draftCard: { serviceType: patch.serviceType } } : {}) }));
    const fits = deliveryCondition(expr, patch);
    const condition = [
      expr.eq('type', productItem.type),
      expr.eq('providerId', providerId),
      phaseCondition(expr, allowedPhases('edit')),
      // split (a product stored whole is split first, below)
      `attribute_exists(${expr.name('draftCard')})`,
      ...(fits ? [fits] : []),
    ].join(' AND ');
    const bodyExpr = new Expr();
    const bodySets = sent.map(([field, v]) => `${bodyExpr.name(`draft.${field}`)} = ${bodyExpr.value(v)}`);
    try {
      await transactWrite({
        product: {
          Update: {
            TableName: tableName,
            Key: productItem.key({ productId }),
            UpdateExpression: updateExpression(sets, own.removes),
            ConditionExpression: condition,
            ...expr.attrs(),
          },
        },
        body: {
          Update: {
            TableName: tableName,
            Key: productBodyItem.key({ productId }),
            UpdateExpression: updateExpression(bodySets),
            ConditionExpression: 'attribute_exists(PK)',
            ...bodyExpr.attrs(),
          },
        },
      });
      break;
    } catch (err) {
      if (ConditionFailed.of(err, 'product') && isWhole(err.item) && tries < SPLIT_RETRIES) {
        await splitOnWrite(err.item!);
        continue;
      }
      if (ConditionFailed.of(err, 'product') && !refusal(err.item, 'edit', user) && !storedFits(err.item, patch)) {
        throw new ValidationError([{ path: 'delivery', message: msg('field.deliveryForType') }]);
      }
      // a body gone under a head that passed: the product was deleted meanwhile
      if (ConditionFailed.of(err, 'body')) throw new NotFoundError('product');
      return explain(err, 'edit', user);
    }
  }
  const product = await getProduct(productId, true);
  if (!product) throw new NotFoundError('product');
  return product;
};

/**
 * A delivery or a service type sent alone must fit the stored other (the body checks them when sent
 * together): a condition of the edit's own write, so 修改 still reads nothing first. Content stored without a
 * delivery is manual, which every service type allows.
 */
const deliveryCondition = (expr: Expr, patch: ContentPatch): string | undefined => {
  if (patch.delivery && !patch.serviceType) return expr.in('draftCard.serviceType', serviceTypesFor(patch.delivery));
  if (patch.serviceType && !patch.delivery) {
    return `(attribute_not_exists(${expr.name('draftCard.delivery')}) OR ${expr.in('draftCard.delivery', DELIVERIES_BY_SERVICE_TYPE[patch.serviceType])})`;
  }
  return undefined;
};

/** Whether the patch fits the content a refused edit saw. */
const storedFits = (seen: Record<string, unknown> | undefined, patch: ContentPatch) => {
  const draft = (seen?.draftCard ?? seen?.draft ?? {}) as { serviceType?: ServiceType; delivery?: Delivery };
  return deliveryAllowed(patch.serviceType ?? draft.serviceType ?? 'ops_service', patch.delivery ?? draft.delivery ?? 'manual');
};

interface TransitionInput {
  reason?: string;
  version?: number;
}

/**
 * What a status change sets, blind (`undefined`: removed; `copyOf`: another attribute's stored value;
 * `ifAbsent`: kept when set); its index keys follow from the declaration. The version and the review
 * history are the caller's clauses (an increment, a list append).
 */
const transition = (action: Exclude<ProductAction, 'edit'>, to: Partial<Phase>, input: TransitionInput, at: string, revision: string): Partial<ProductHead> => {
  const changed: Partial<ProductHead> = { ...to, updatedAt: at };
  switch (action) {
    case 'submit':
      return { ...changed, submittedAt: at, reviewReason: undefined };
    case 'withdraw':
      return changed;
    case 'approve':
      // the live card becomes the draft's (the body's live content the draft, in the same transaction)
      return { ...changed, liveCard: copyOf('draftCard'), liveRevision: revision, listedAt: ifAbsent(at), reviewReason: undefined };
    case 'reject':
      return { ...changed, reviewReason: input.reason };
    case 'delist':
      return { ...changed, listedAt: undefined };
    case 'takedown':
      return { ...changed, reviewReason: input.reason, listedAt: undefined };
  }
};

const DECISIONS: Partial<Record<ProductAction, 'approved' | 'rejected' | 'delisted'>> = {
  approve: 'approved',
  reject: 'rejected',
  takedown: 'delisted',
};

/**
 * 提交, 撤销审核, 审核通过, 审核驳回, 下架 (spec 9): one transaction, without a read first, that changes the
 * product's head conditioned on the phases the action is allowed from, on ownership (a provider's own product, an
 * operator's someone else's) and on the version when one was sent, and appends its timeline entry. The
 * product's index keys come from its declaration, those whose facts the change does not know copied from
 * the key copies the product stores; its body too when the content or the history changes (approve copies
 * the draft to `live`, a decision appends to the review history). A refused condition is explained from the item it returns; then one
 * consistent read answers the product as written.
 */
export const changeProductStatus = async (
  user: User,
  productId: string,
  action: Exclude<ProductAction, 'edit'>,
  input: TransitionInput,
  now: Date,
  /** One more condition of the write (the SaaS submit gate), with the refusal it explains. */
  gate?: ProductGate,
): Promise<ProductItem> => {
  const rule = productRules[action];
  const key = productItem.key({ productId });
  const at = now.toISOString();
  // one blind write per group of phases with the same target (下架 has two): the one the product is in
  // is found by the first write's refusal, which returns the product as it is
  const groups = transitionGroups(action);
  let splits = 0;
  const write = async (group: (typeof groups)[number]): Promise<(typeof groups)[number] | undefined> => {
    const expr = new Expr();
    // a provider acts on their own product, so the update knows the provider; an operator's does not
    const context: Partial<ProductHead> = rule.role === 'provider' ? { productId, providerId: providerIdOf(user) } : { productId };
    // approval lists the product: only one whose organisation is not suspended (the condition below), so it is public
    if (action === 'approve') context.suspended = undefined;
    const entryId = newId(now.getTime());
    const changed = transition(action, group.to, input, at, entryId);
    const { sets, removes, copies, conditions } = productItem.update(expr, changed, context);
    sets.push(...productItem.set(expr, 'version', `${expr.name('version')} + ${expr.value(1)}`));
    // the body: approval's live content, a decision's record
    const bodyExpr = new Expr();
    const bodySets: string[] = [];
    if (action === 'approve') bodySets.push(`${bodyExpr.name('live')} = ${bodyExpr.name('draft')}`);
    const decision = DECISIONS[action];
    if (decision) {
      // the reviewer by name as they were called when deciding (spec 2.1: names, not ids)
      const named = user.displayName ? { operatorName: user.displayName } : {};
      const record = { decision, ...(input.reason ? { reason: input.reason } : {}), operatorId: user.id, ...named, version: input.version, at };
      bodySets.push(`${bodyExpr.name('reviewHistory')} = list_append(${bodyExpr.name('reviewHistory')}, ${bodyExpr.value([record])})`);
    }
    // split (a product stored whole is split first, below)
    conditions.unshift(expr.eq('type', productItem.type), phaseCondition(expr, group.phases), `attribute_exists(${expr.name('draftCard')})`);
    if (rule.role === 'provider') conditions.push(expr.eq('providerId', providerIdOf(user)));
    // separation of duties: an operator never decides on, or takes down, a product of an organisation they
    // belong to (their memberships, read with the request)
    if (rule.role === 'operator') conditions.push(...notOfOwnOrganisations(expr, user));
    if (input.version !== undefined) conditions.push(expr.eq('version', input.version));
    if (gate) conditions.push(gate.condition(expr));
    if (action === 'approve') conditions.push(`attribute_not_exists(${expr.name('suspended')})`);
    try {
      await transactWrite({
        product: {
          Update: {
            TableName: tableName,
            Key: key,
            UpdateExpression: updateExpression(sets, removes),
            ConditionExpression: conditions.join(' AND '),
            ...expr.attrs(),
          },
        },
        body: bodySets.length > 0 && {
          Update: {
            TableName: tableName,
            Key: productBodyItem.key({ productId }),
            UpdateExpression: updateExpression(bodySets),
            ConditionExpression: 'attribute_exists(PK)',
            ...bodyExpr.attrs(),
          },
        },
        entry: {
          Put: {
            TableName: tableName,
            Item: productEntryItem.item({
              entity: 'product',
              entryId,
              productId,
              action,
              actor: user.id,
              role: rule.role,
              at,
              data: input.reason ? { reason: input.reason } : {},
            }),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        // a suspended organisation submits nothing for review (spec 2.1)
        organisation: action === 'submit' && organisationActive(providerIdOf(user)),
        // what a purchase checks follows the head: listing, live revision, suspension
        sale: saleChange(productId, changed, action === 'approve'),
      });
    } catch (err) {
      if (ConditionFailed.of(err, 'product') && isWhole(err.item) && splits < SPLIT_RETRIES) {
        splits += 1;
        await splitOnWrite(err.item!);
        return group;
      }
      if (ConditionFailed.of(err, 'organisation')) throw providerSuspended();
      // a body gone under a head that passed: the product was deleted meanwhile
      if (ConditionFailed.of(err, 'body')) throw new NotFoundError('product');
      if (ConditionFailed.of(err, 'product')) {
        const seen = err.item;
        const other = groups.find((g) => g !== group && g.phases.some((p) => p.listing === seen?.listing && p.review === seen?.review));
        if (other && productItem.is(seen ?? {}) && (rule.role !== 'provider' || seen?.providerId === providerIdOf(user))) return other;
        const refused = refusal(err.item, action, user, input.version);
        if (refused) throw refused;
        const gated = gate?.refusal(err.item ?? {});
        if (gated) throw gated;
        const missing = copies.filter((c) => !(c in (err.item ?? {})));
        if (missing.length) {
          throw new Error(`product ${productId} lacks the key copies ${missing.join(', ')} its ${action} copies index keys from; every write of a product stores them`);
        }
      }
      return explain(err, action, user, input.version);
    }
    return undefined;
  };
  let next: (typeof groups)[number] | undefined = groups[0];
  for (let tries = 0; next && tries < groups.length + SPLIT_RETRIES; tries += 1) next = await write(next);
  if (next) throw new InvalidStateError(action, statusOf(next.phases[0]));
  const product = await getProduct(productId, true);
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
  const providerId = providerIdOf(user);
  const typeFilter = (e: Expr) => (q.serviceType ? draftTypeFilter(e, q.serviceType) : undefined);
  const page = q.status
    ? await queryMerged({
        index: 'GSI5',
        list: `provider-products:${providerId}:${q.status}`,
        shards: productStatusShards(q.status, (listing) => keys.providerProductsByListing(providerId, listing)),
        filter: typeFilter,
        limit: q.limit,
        cursor: q.cursor,
        newestFirst: true,
      })
    : await queryPage({ index: 'GSI1', pk: keys.providerProducts(providerId), expr: new Expr(), limit: q.limit, cursor: q.cursor, newestFirst: true, filter: typeFilter });
  return { items: page.items.map(parseProductHead), nextCursor: page.nextCursor };
};

/** The draft's service type as a filter of a list row: its card's (a product stored whole: its draft's). */
export const draftTypeFilter = (e: Expr, serviceType: string) =>
  `(${e.eq('draftCard.serviceType', serviceType)} OR ${e.eq('draft.serviceType', serviceType)})`;

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

/** Access pattern: the catalogue, newest listing first; by service type through GSI3: the heads' rows alone (the cards). */
export const listCatalog = async (q: { limit: number; cursor?: string; serviceType?: string }) => {
  const page = await queryPage({
    index: q.serviceType ? 'GSI3' : 'GSI2',
    pk: q.serviceType ? keys.catalogByType(q.serviceType) : keys.catalog,
    expr: new Expr(),
    limit: q.limit,
    cursor: q.cursor,
    newestFirst: true,
  });
  return { items: page.items.map(parseProductHead), nextCursor: page.nextCursor };
};

/** Access pattern: the review queue, oldest submission first (GSI4 `REVIEW`). */
export const listReviewQueue = async (q: { limit: number; cursor?: string }) => {
  const page = await queryPage({ index: 'GSI4', pk: keys.reviewQueue, expr: new Expr(), limit: q.limit, cursor: q.cursor });
  return { items: page.items.map(parseProductHead), nextCursor: page.nextCursor };
};


/**
 * Deletes a product that buyers never saw: one transaction, the head's Delete conditioned on `listing =
 * unlisted` and the body's. Someone else's or an absent product answers 404; a product that was ever listed
 * answers 409 and keeps everything.
 */
export const deleteUnlistedProduct = async (user: User, productId: string): Promise<void> => {
  try {
    await transactWrite({
      product: {
        Delete: {
          TableName: tableName,
          Key: productItem.key({ productId }),
          ConditionExpression: '#type = :product AND providerId = :me AND listing = :unlisted',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':product': 'product', ':me': providerIdOf(user), ':unlisted': 'unlisted' },
        },
      },
      body: { Delete: { TableName: tableName, Key: productBodyItem.key({ productId }) } },
    });
  } catch (err) {
    if (!ConditionFailed.of(err, 'product')) throw err;
    const seen = err.item;
    if (!seen || seen.type !== 'product' || seen.providerId !== providerIdOf(user)) throw new NotFoundError('product');
    throw new ConflictError('PRODUCT_WAS_LISTED', msg('detail.productWasListed'), {
      currentStatus: statusOf({ listing: seen.listing, review: seen.review } as Phase),
    });
  }
};
