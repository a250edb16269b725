import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { profileItem } from '../people/items';
import { organisationActive, providerSuspended } from '../suspension/checks';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { queryMerged, walkMerged } from '../db/sharded';
import { ConditionFailed, Expr, transactWrite, type NamedWrites } from '../db/write';
import { ConflictError, ConflictOfInterestError, DomainError, NotFoundError, ValidationError } from '../http/errors';
import { reserveCodes, saleWrite, voidSlots } from '../codes/take';
import type { Reply } from '../http/route';
import type { ProductItem } from '../products/schemas';
import { productAmong } from '../products/layout';
import { stillOnSale } from '../products/sale';
import { findOrderRecord, idempotencyPut, keptOf, rebuilt, replay, type IdempotencyRequest } from '../shared/idempotency';
import { newId } from '../shared/ids';
import type { Reference } from '../attachments/model';
import { attachmentItemSchema, type AttachmentItem } from '../attachments/schemas';
import { rateLimitUpdate, throttled, type RateRule } from '../shared/rate-limit';
import { parseReview, type ReviewItem } from '../reviews/schemas';
import { actorFor, canRead, isOwnAsOperator, memberRolesOf, type OrderUser } from './access';
import { MemberRoleForbiddenError } from '../providers/access';
import {
  applyCommand,
  commandOf,
  entryData,
  referencesOf,
  refusalError,
  refusalOf,
  type Actor,
  type CommandInput,
  type OrderCommand,
  type OrderRules,
} from './model';
import { orderEntryItem, orderItem, partyStatusIndex, partyStatusPartitions } from './items';
import { nextDueAt } from './schedule';
import { bodyChanged, bodyRecord, orderAmong, parseRow, readOrder, splitOrder } from './layout';
import { deliversBySaas, isSaas, saasDueAt, saasPurchase } from './saas';
import { validateAnswers } from './requirements';
import {
  orderItemSchema,
  timelineEntrySchema,
  type OrderItem,
  type OrderListQuery,
  type OrderStatus,
  type ProductSnapshot,
  type TimelineEntry,
} from './schemas';
import { msg } from '../i18n';
import { keyInstant } from '../shared/time-range';


/** A timeline entry as written now: it names the order version it made. */
export type VersionedEntry = TimelineEntry & { version: number };

export interface OrderWithTimeline {
  order: OrderItem;
  timeline: TimelineEntry[];
  /** The order's attachment records and its rating, in the same partition. */
  attachments?: AttachmentItem[];
  review?: ReviewItem | null;
}

/**
 * What a command with an `Idempotency-Key` records: the status of the answer the handler layer gives for its
 * result and the order version it made, written in the command's own transaction, outside the order's
 * partition; a retry with the key gets the answer for the order as read again (docs/decisions.md, "Replay records").
 */
export interface Idempotent<R> {
  request: IdempotencyRequest;
  answer: (result: R) => Reply;
}

/** A purchase: the order and its `create` entry. */
export interface Purchase {
  order: OrderItem;
  timeline: TimelineEntry[];
}

/** A command's outcome: its result (with the answer recorded for it, when a key was sent), or the replay of a first answer. */
export type Outcome<R> = { kind: 'done'; result: R; recorded?: Reply } | { kind: 'replayed'; reply: Reply };

/** Access pattern: an order and its whole timeline, oldest entry first: one Query on the order's partition. */
export const getOrderWithTimeline = async (orderId: string): Promise<OrderWithTimeline | undefined> => {
  const found = await readOrderPartition(orderId);
  return found && { order: found.order, timeline: found.timeline, attachments: found.attachments, review: found.review };
};

/**
 * The order's partition: the order, its timeline in version order, its attachments and its rating. Replay
 * records live elsewhere (keys.orderIdempotency); `legacyRecords` are those written into the partition
 * before, replayed until their TTL removes them.
 */
const readOrderPartition = async (orderId: string) => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.orderPartition(orderId) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  const order = orderAmong(items, orderId);
  if (!order) return undefined;
  const review = items.find((i) => i.type === 'review');
  return {
    order,
    timeline: items.filter((i) => i.type === 'timeline').map((i) => timelineEntrySchema.parse(i)),
    legacyRecords: items.filter((i) => i.type === 'idempotency'),
    attachments: items.filter((i) => i.type === 'attachment').map((i) => attachmentItemSchema.parse(i)),
    review: review ? parseReview(review) : null,
  };
};

/** An order with its timeline for its buyer, its provider or an operator; anyone else gets 404. */
export const readOrderFor = async (user: OrderUser, orderId: string) => {
  const found = await getOrderWithTimeline(orderId);
  if (!found || !canRead(found.order, user)) throw new NotFoundError('order');
  return found;
};

// ---------------------------------------------------------------------------------------------------
// Buying

const snapshotOf = (product: ProductItem, planId: string): ProductSnapshot | undefined => {
  const live = product.live!;
  const plan = live.plans.find((p) => p.planId === planId);
  if (!plan) return undefined;
  return {
    name: live.name,
    serviceType: live.serviceType,
    plan,
    unitPrice: plan.price,
    deliveryDays: live.deliveryDays,
    warrantyDays: live.warrantyDays,
    requirementsTemplate: live.requirementsTemplate,
    requirementsBeforeStart: live.requirementsBeforeStart,
  };
};

const productNotListed = () => new ConflictError('PRODUCT_NOT_LISTED', msg('detail.productNotListed'));
/** 409 PRODUCT_CHANGED: still listed, but its live content changed (an approval) between the read and the purchase. */
const productChanged = () => new ConflictError('PRODUCT_CHANGED', msg('detail.productRevised'));

/**
 * Buys a listed product: one BatchGetItem (the product's head, body and sale state, the buyer's profile, and the idempotency record when a key
 * was sent) then one transaction (the product's sale state still listed, not suspended and with the live
 * content read, the order, its `create` entry, the idempotency record).
 */
export const createOrder = async (
  buyerId: string,
  input: { productId: string; planId: string; quantity: number; answers?: Record<string, unknown> },
  now: Date,
  rules: OrderRules,
  /** The answer to record under an Idempotency-Key, and the buyer's buying limit, counted in the same transaction. */
  { idempotency: idem, rate }: { idempotency?: Idempotent<Purchase>; rate?: RateRule } = {},
): Promise<Outcome<Purchase>> => {
  const idempotency = idem?.request;
  const productKey = keys.product(input.productId);
  const productBodyKey = keys.productBody(input.productId);
  const saleKey = keys.productSale(input.productId);
  const idemKey = idempotency ? keys.idempotency(idempotency.userId, idempotency.route, idempotency.key) : undefined;
  const profileKey = keys.profile(buyerId);
  const got = await ddb.send(
    new BatchGetCommand({
      RequestItems: { [tableName]: { Keys: [productKey, productBodyKey, saleKey, profileKey, ...(idemKey ? [idemKey] : [])], ConsistentRead: true } },
    }),
  );
  const items = got.Responses?.[tableName] ?? [];
  const buyer = buyerContactOf(items.find((i) => i.PK === profileKey.PK && i.SK === profileKey.SK));
  const stored = idemKey && items.find((i) => i.PK === idemKey.PK);
  if (idem && stored) {
    const replayed = await replayPurchase(stored, idem, now);
    if (replayed) return replayed;
  }
  const rawProduct = items.find((i) => i.PK === productKey.PK && i.SK === productKey.SK);
  const product = rawProduct && productAmong(items.filter((i) => i.PK === productKey.PK), input.productId);
  if (!rawProduct || !product) throw new NotFoundError('product', 'PRODUCT_NOT_FOUND');
  if (product.listing !== 'listed' || !product.live) throw productNotListed();
  if (product.suspended) throw providerSuspended();
  const snapshot = snapshotOf(product, input.planId);
  if (!snapshot) {
    throw new NotFoundError('product', 'PLAN_NOT_FOUND', msg('detail.noSuchPlan', { planId: input.planId }), {
      errors: [{ path: 'planId', message: msg('field.notPlan') }],
    });
  }

  const saasAnswers = checkedSaasAnswers(product, input.answers);
  // the organisation's name as the product carries it (copied there at creation and on every edit)
  const providerName = product.providerName;
  const at = now.toISOString();
  const orderId = newId(now.getTime());
  // 兑换码交付: slots handed out by one conditional counter update, then assigned in the purchase's transaction
  // (docs/decisions.md, "Redemption codes")
  const slots = product.live.delivery === 'code' ? await reserveCodes(product.productId, input.planId, input.quantity, at) : undefined;
  const manual: OrderItem = {
    orderId,
    productId: product.productId,
    planId: input.planId,
    buyerId,
    providerId: product.providerId,
    ...(providerName ? { providerName } : {}),
    ...(buyer ? { buyer } : {}),
    status: slots ? 'delivered' : 'awaiting_start',
    version: 1,
    delivery: product.live.delivery,
    product: snapshot,
    quantity: input.quantity,
    amount: snapshot.unitPrice * input.quantity,
    requirements: { status: 'none', answers: {} },
    statusSince: at,
    turnSince: at,
    completionRejections: 0,
    remindersSent: [],
    createdAt: at,
    updatedAt: at,
    ...(slots ? { codes: slots } : {}),
  };
  const order: OrderItem = saasAnswers
    ? { ...manual, ...saasPurchase(manual, product.live.plans.map((p) => ({ ...p, planId: p.planId! })), saasAnswers.answers) }
    : manual;
  const entry: VersionedEntry = {
    entryId: newId(now.getTime()),
    orderId,
    version: 1,
    action: 'create',
    actor: buyerId,
    role: 'buyer',
    ...(buyer ? { actorName: buyer.displayName } : {}),
    at,
    from: null,
    to: order.status,
    data: { productId: product.productId, planId: input.planId, quantity: input.quantity, amount: order.amount },
  };
  const result: Purchase = { order, timeline: [entry] };
  const recorded = idem?.answer(result);
  try {
    await transactWrite({
      // the product's sale state (the body's content is what its `liveRevision` names): still listed, its
      // organisation not suspended, its live content the one read
      product: stillOnSale(input.productId, rawProduct, items.find((i) => i.PK === saleKey.PK && i.SK === saleKey.SK)),
      // the seller's organisation is not suspended, read in the same transaction (spec 2.1)
      organisation: organisationActive(product.providerId),
      order: { Put: { TableName: tableName, Item: orderRecord(order, rules), ConditionExpression: 'attribute_not_exists(PK)' } },
      body: { Put: { TableName: tableName, Item: bodyRecord(order) } },
      entry: { Put: { TableName: tableName, Item: timelineRecord(entry, order), ConditionExpression: 'attribute_not_exists(PK)' } },
      sale: slots && saleWrite(product.productId, input.planId, slots, orderId, at),
      notMember: notMemberCheck(buyerId, product.providerId),
      idempotency: idempotency && recorded && idempotencyPut(idempotency, keptOf(recorded, { ref: orderId })!, now),
      rate: rate && rateLimitUpdate(rate, buyerId, now),
    });
  } catch (err) {
    // slots handed out to a purchase that did not happen are void: never handed out again
    if (slots) await voidSlots(product.productId, input.planId, slots, at);
    if (ConditionFailed.of(err, 'product')) {
      const seen = err.item;
      if (seen?.suspended === true) throw providerSuspended();
      // listed still: what changed is the content the buyer was shown
      throw seen?.listing === 'listed' ? productChanged() : productNotListed();
    }
    if (ConditionFailed.of(err, 'notMember')) throw new ConflictOfInterestError(msg('detail.ownProduct'));
    if (ConditionFailed.of(err, 'organisation')) throw providerSuspended();
    if (ConditionFailed.of(err, 'idempotency') && idem) {
      const replayed = await replayPurchase(err.item, idem, now);
      if (replayed) return replayed;
    }
    if (ConditionFailed.of(err, 'rate') && rate) throw throttled(rate, now);
    throw err;
  }
  return { kind: 'done', result, recorded };
};

/** The buyer's contact copied onto the order (spec 2.1): display name, phone, email from their profile. */
const buyerContactOf = (raw: Record<string, unknown> | undefined): OrderItem['buyer'] => {
  if (!raw || !profileItem.is(raw)) return undefined;
  const p = profileItem.parse(raw);
  return { displayName: p.displayName, ...(p.phone ? { phone: p.phone } : {}), ...(p.email ? { email: p.email } : {}) };
};

/**
 * Separation of duties (spec 2): nobody buys a product of an organisation they belong to. A ConditionCheck
 * that the buyer has no membership item in the selling organisation, in the purchase's own transaction: the
 * product's provider is known only from the product read, and the check costs no round trip of its own.
 */
const notMemberCheck = (buyerId: string, providerId: string) => ({
  ConditionCheck: { TableName: tableName, Key: keys.membership(buyerId, providerId), ConditionExpression: 'attribute_not_exists(PK)' },
});

/**
 * A SaaS product's answers given with the purchase, checked against its form (400 naming the fields); undefined
 * for any other product, where answers are refused (they are submitted on the order).
 */
const checkedSaasAnswers = (product: ProductItem, answers: Record<string, unknown> | undefined) => {
  if (!deliversBySaas(product.live!)) {
    if (answers !== undefined) throw new ValidationError([{ path: 'answers', message: msg('field.notInForm') }]);
    return undefined;
  }
  const errors = validateAnswers(product.live!.requirementsTemplate, answers ?? {});
  if (errors.length) throw new ValidationError(errors, msg('detail.requirementsMismatch'));
  return { answers };
};

/** The replay of a purchase: the order its record names, as read now, answered as the purchase was. */
const replayPurchase = async (item: Record<string, unknown> | undefined, idem: Idempotent<Purchase>, now: Date): Promise<Outcome<Purchase> | undefined> => {
  const replayed = replay(item, idem.request, now);
  if (!replayed) return undefined;
  if (!replayed.rebuild) return { kind: 'replayed', reply: replayed.reply };
  const found = replayed.rebuild.ref ? await getOrderWithTimeline(replayed.rebuild.ref) : undefined;
  if (!found) throw new NotFoundError('order');
  return { kind: 'replayed', reply: rebuilt(replayed.reply, idem.answer({ order: found.order, timeline: found.timeline })) };
};

/**
 * The one builder of the stored order's head (lib/orders/items.ts; its body: lib/orders/layout.ts): its due
 * time follows from its state and the periods.
 */
const orderRecord = (o: OrderItem, rules: OrderRules) => {
  const due = isSaas(o) ? saasDueAt(o, rules) : nextDueAt(o, rules);
  return orderItem.item({ ...splitOrder(o).head, dueAt: due === undefined ? undefined : new Date(due).toISOString() });
};

const timelineRecord = (e: VersionedEntry, parties: Pick<OrderItem, 'buyerId' | 'providerId'>) =>
  orderEntryItem.item({ ...e, entity: 'order', buyerId: parties.buyerId, providerId: parties.providerId });

// ---------------------------------------------------------------------------------------------------
// Status changes

/** A command on an order: who takes which action, with what, when, under which periods. */
export interface OrderCommandRequest {
  actor: Actor;
  orderId: string;
  /** The command and its input. */
  command: CommandInput;
  now: Date;
  rules: OrderRules;
  /**
   * Checks attachment references against S3 (lib/attachments/repository's `checkReferences`). Only the
   * functions whose commands can reference attachments pass it, so only their bundles carry the S3 client.
   */
  checkReferences?: ReferenceChecker;
  /** Counts the command against the actor's per-user limit (messages), in the command's own transaction. */
  rate?: RateRule;
}

/** Checks references and answers the writes that record the check, for the command's transaction. */
export type ReferenceChecker = (
  refs: Reference[],
  ofOrder: AttachmentItem[],
  now: Date,
) => Promise<
  Array<{
    Update: {
      TableName: string;
      Key: { PK: string; SK: string };
      UpdateExpression: string;
      ConditionExpression: string;
      ExpressionAttributeNames: Record<string, string>;
      ExpressionAttributeValues: Record<string, unknown>;
    };
  }>
>;

/** The write of a command lost to another change of the order: the item its condition saw (ALL_OLD). */
export class StaleOrder extends Error {
  constructor(readonly seen: Record<string, unknown> | undefined) {
    super('the order changed since it was read');
  }
}

/** The one builder of order timeline entries: the entry of the change that makes the order `version`. */
export const orderEntry = (
  c: Omit<OrderCommandRequest, 'rules'>,
  from: OrderStatus,
  to: OrderStatus,
  version: number,
  change?: { before: OrderItem; after: OrderItem },
): VersionedEntry => ({
  entryId: newId(c.now.getTime()),
  orderId: c.orderId,
  version,
  action: c.command.action,
  actor: c.actor.id,
  role: c.actor.role,
  ...(c.actor.name ? { actorName: c.actor.name } : {}),
  ...(c.actor.memberRole ? { memberRole: c.actor.memberRole } : {}),
  at: c.now.toISOString(),
  from,
  to,
  data: entryData(c.command, change),
});

/**
 * The write of a command on the order as read: the order `applyCommand` computes, conditioned on the
 * version and status read, and its timeline entry keyed by the new version, in one transaction. A change
 * committed in between refuses the condition ({@link StaleOrder}), so entries can only follow each other
 * in version order.
 */
export const writeOrderCommand = async (
  c: OrderCommandRequest,
  current: OrderItem,
  /** More of the same transaction, given the change (the idempotency record of the answer). */
  alsoWrite: (next: OrderItem, entry: VersionedEntry, verifiedIds: Set<string>) => NamedWrites = () => ({}),
  /** The order's attachments (read with it): what a message, a delivery or a file answer may reference. */
  attachments: AttachmentItem[] = [],
): Promise<{ order: OrderItem; entry: VersionedEntry }> => {
  const { command: input, actor, now, rules } = c;
  const action = input.action;
  if (isOwnAsOperator(current, actor)) throw new ConflictOfInterestError(msg('detail.operatorOwnOrder'));
  const refusal = refusalOf(current, action, actor.role, now, rules);
  if (refusal) throw refusalError(refusal, action, current.status);
  commandOf(action).validate?.(current, input, new Set(attachments.map((a) => a.attachmentId)));
  // referenced attachments must be this order's and uploaded: checked (by the checker the function brings,
  // so that only functions that take references carry the storage client), and marked verified in the same write
  const refs = referencesOf(current, input);
  if (refs.length && !c.checkReferences) throw new Error(`${action} references attachments but its function checks none`);
  const verified = refs.length ? await c.checkReferences!(refs, attachments, now) : [];
  const verifiedIds = new Set(verified.map((v) => v.Update.Key.SK));
  const next = applyCommand(current, input, actor, now);
  const entry = orderEntry(c, current.status, next.status, next.version, { before: current, after: next });
  const extra = alsoWrite(next, entry, verifiedIds);
  try {
    await transactWrite({
      order: {
        Put: {
          TableName: tableName,
          Item: orderRecord(next, rules),
          ConditionExpression: '#type = :order AND #version = :version AND #status = :status',
          ExpressionAttributeNames: { '#type': 'type', '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: { ':order': 'order', ':version': current.version, ':status': current.status },
        },
      },
      // the body only when the command changed something in it (a message, an urge, a reminder do not)
      body: bodyChanged(current, next) ? { Put: { TableName: tableName, Item: bodyRecord(next) } } : undefined,
      entry: { Put: { TableName: tableName, Item: timelineRecord(entry, next), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...Object.fromEntries(verified.map((v) => [`attachment ${v.Update.Key.SK}`, v])),
      ...extra,
      membership: membershipCheck(actor, current, action),
      // a full window refuses the command and nothing of it is written
      rate: c.rate && rateLimitUpdate(c.rate, actor.id, now),
    });
  } catch (err) {
    if (ConditionFailed.of(err, 'rate') && c.rate) throw throttled(c.rate, now);
    // the member was removed (the order is no longer theirs) or their role changed since the request began
    if (ConditionFailed.of(err, 'membership')) {
      if (!err.item) throw new NotFoundError('order');
      throw new MemberRoleForbiddenError(['admin', ...(memberRolesOf(action) ?? [])]);
    }
    // the order's version moved (its entry's key is then taken too), or a twin with the same key won
    if (err instanceof ConditionFailed && (err.failed === 'order' || err.failed === 'entry' || err.failed in extra)) {
      throw new StaleOrder(err.failed === 'order' ? err.item : undefined);
    }
    throw err;
  }
  return { order: next, entry };
};

/**
 * A provider's command holds only while the person is still a member of the order's organisation in a role
 * that may take it: a ConditionCheck on their membership item in the command's own transaction, so a member
 * removed (or demoted) between the request's membership read and the write changes nothing. No extra round
 * trip: the check rides in the transaction the command writes anyway (docs/decisions.md).
 */
const membershipCheck = (actor: Actor, order: OrderItem, action: OrderCommand) => {
  if (actor.role !== 'provider' || actor.memberRole === undefined) return undefined;
  const allowed = memberRolesOf(action);
  const expr = new Expr();
  const condition = allowed
    ? `attribute_exists(PK) AND ${expr.name('role')} IN (${['admin', ...allowed].map((r) => expr.value(r)).join(', ')})`
    : 'attribute_exists(PK)';
  return { ConditionCheck: { TableName: tableName, Key: keys.membership(actor.id, order.providerId), ConditionExpression: condition, ...expr.attrs() } };
};

const STALE_RETRIES = 2;

/**
 * Takes a command on an order: one Query (the order, its timeline, attachments and rating) and, when a key
 * was sent, the GetItem of its replay record beside it; then one transaction conditioned on the version
 * read, with the replay record (status and version, never the answer) when a key was sent. A retry with the
 * same key finds the record and answers the order as read by that same Query. The
 * person acts as the side of the order they are on (lib/orders/access). When another change commits in
 * between, the refused condition's item says whether the command still applies: if not, its refusal is
 * the answer; if so (or when a key was sent, whose twin may have committed), the command is taken again
 * on a fresh read, at most twice.
 */
export const commandOrder = async (
  request: Omit<OrderCommandRequest, 'actor'> & { actor: Actor | OrderUser },
  idem?: Idempotent<OrderWithTimeline>,
): Promise<Outcome<OrderWithTimeline>> => {
  const idempotency = idem?.request;
  const action = request.command.action;
  const legacyKey = idempotency && `IDEMPOTENCY#${idempotency.userId}#${idempotency.route}#${idempotency.key}`;
  for (let attempt = 0; ; attempt++) {
    const [found, record] = await Promise.all([
      readOrderPartition(request.orderId),
      idempotency ? findOrderRecord(request.orderId, idempotency) : undefined,
    ]);
    const stored = record ?? (legacyKey && found?.legacyRecords.find((r) => r.SK === legacyKey));
    const replayed = idem && stored ? replay(stored, idem.request, request.now) : undefined;
    if (idem && replayed) return replayOf(idem, replayed, found);
    const actor = found && actorFor(found.order, request.actor, action);
    if (!found || !actor) throw new NotFoundError('order');
    const c = { ...request, actor };
    let result: OrderWithTimeline | undefined;
    let recorded: Reply | undefined;
    try {
      await writeOrderCommand(
        c,
        found.order,
        (order, entry, verifiedIds) => {
          const attachments = found.attachments.map((a) =>
            verifiedIds.has(keys.attachment(a.orderId, a.attachmentId).SK) ? { ...a, verifiedAt: c.now.toISOString() } : a,
          );
          result = { order, timeline: [...found.timeline, entry], attachments, review: found.review };
          recorded = idem?.answer(result);
          const kept = recorded && keptOf(recorded, { always: true, version: order.version });
          return { idempotency: idempotency && kept && idempotencyPut(idempotency, kept, c.now, c.orderId) };
        },
        found.attachments,
      );
      return { kind: 'done', result: result!, recorded };
    } catch (err) {
      if (!(err instanceof StaleOrder)) {
        // the order's read may have seen a twin's change that the record's read, sent beside it, did not yet:
        // a refused keyed command looks for its record once more before answering the refusal
        const late = idem && err instanceof DomainError ? replay(await findOrderRecord(request.orderId, idem.request), idem.request, request.now) : undefined;
        if (idem && late) return replayOf(idem, late, await readOrderPartition(request.orderId));
        throw err;
      }
      // the refused condition saw the head: the order as it is now is read again (a lost race only)
      const seen = err.seen?.type === 'order' ? await readOrder(request.orderId) : undefined;
      if (!seen && idempotency && attempt < STALE_RETRIES) continue;
      if (!seen) throw new NotFoundError('order');
      const refusal = refusalOf(seen, action, actor.role, c.now, c.rules);
      if (attempt >= STALE_RETRIES || (refusal && !idempotency)) throw refusalError(refusal, action, seen.status);
    }
  }
};

/** A keyed command's replay: the answer its record kept, or the answer for the order as read. */
const replayOf = (
  idem: Idempotent<OrderWithTimeline>,
  replayed: NonNullable<ReturnType<typeof replay>>,
  found: Awaited<ReturnType<typeof readOrderPartition>>,
): Outcome<OrderWithTimeline> => {
  if (!replayed.rebuild) return { kind: 'replayed', reply: replayed.reply };
  if (!found) throw new NotFoundError('order');
  const { order, timeline, attachments, review } = found;
  return { kind: 'replayed', reply: rebuilt(replayed.reply, idem.answer({ order, timeline, attachments, review })) };
};

/** A command on an order without an idempotency key: the order with its timeline after it. */
export const runOrderCommand = async (
  request: Omit<OrderCommandRequest, 'actor'> & { actor: Actor | OrderUser },
): Promise<OrderWithTimeline> => {
  const outcome = await commandOrder(request);
  if (outcome.kind === 'replayed') throw new Error('a command without a key cannot be a replay');
  return outcome.result;
};

// ---------------------------------------------------------------------------------------------------
// Lists

const orderFilters = (q: Omit<OrderListQuery, 'limit'>) => (e: Expr) =>
  [
    q.productId ? e.eq('productId', q.productId) : undefined,
    q.completedFrom ? `${e.name('completedAt')} >= ${e.value(keyInstant(q.completedFrom))}` : undefined,
    q.completedTo ? `${e.name('completedAt')} <= ${e.value(keyInstant(q.completedTo))}` : undefined,
  ]
    .filter(Boolean)
    .join(' AND ');

/** The purchase-time range as a key condition on `<createdAt>#<orderId>`. */
const createdRange = (q: Omit<OrderListQuery, 'limit'>) => {
  if (!q.createdFrom && !q.createdTo) return undefined;
  return {
    from: q.createdFrom ? keyInstant(q.createdFrom) : undefined,
    to: q.createdTo ? `${keyInstant(q.createdTo)}#~` : undefined,
  };
};

/**
 * Access pattern: a buyer's orders or a provider's, newest first: the party's status partitions (GSI6 buyer,
 * GSI5 provider), one per status, queried in parallel and merged (lib/db/sharded.ts); in one status, that
 * partition alone, so every item a page reads matches. Purchase time is a key condition; product and
 * completion time filter within the partitions.
 */
const orderList = (party: { buyerId: string } | { providerId: string }, q: Omit<OrderListQuery, 'limit'>) => {
  const range = createdRange(q);
  return {
    index: partyStatusIndex(party),
    // the cursor is bound to the party's list: another party's cursor is 400
    list: `orders:${'buyerId' in party ? `buyer:${party.buyerId}` : `provider:${party.providerId}`}:${q.status ?? ''}`,
    shards: partyStatusPartitions(party, q.status),
    from: range?.from,
    to: range?.to,
    filter: orderFilters(q),
    cursor: q.cursor,
    newestFirst: true,
  };
};

export const listOrders = async (party: { buyerId: string } | { providerId: string }, q: OrderListQuery) => {
  const page = await queryMerged({ ...orderList(party, q), limit: q.limit });
  return { items: page.items.map(parseRow), nextCursor: page.nextCursor };
};

/**
 * Access pattern: the same list read to its end within one call (the export): each status partition is read
 * once, `readSize` at a time, rather than re-read for every page ({@link walkMerged}); the cursors are the list's.
 */
export const walkOrders = (party: { buyerId: string } | { providerId: string }, q: Omit<OrderListQuery, 'limit'>, readSize = 100) => {
  const walk = walkMerged({ ...orderList(party, q), readSize });
  return {
    next: async (limit: number) => {
      const page = await walk.next(limit);
      return { items: page.items.map(parseRow), nextCursor: page.nextCursor };
    },
  };
};
