import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { queryPage } from '../db/query';
import { ConditionFailed, Expr, transactWrite } from '../db/write';
import {
  ConflictError,
  DomainError,
  InvalidStateError,
  NotFoundError,
  ThrottledError,
  ValidationError,
} from '../http/errors';
import type { Reply } from '../http/route';
import { productItemSchema, type ProductItem } from '../products/schemas';
import { idempotencyPut, replay, type IdempotencyRequest } from '../shared/idempotency';
import { newId } from '../shared/ids';
import type { Reference } from '../attachments/model';
import { attachmentItemSchema, type AttachmentItem } from '../attachments/schemas';
import { parseReview, type ReviewItem } from '../reviews/schemas';
import {
  applyCommand,
  entryData,
  orderRules,
  referencesOf,
  refusalOf,
  sideOf,
  sourceStatuses,
  targetStatus,
  validateAnswers,
  type Actor,
  type CommandInput,
  type OrderCommand,
  type OrderRules,
  type Refusal,
} from './model';
import { nextDueAt } from './schedule';
import {
  orderItemSchema,
  timelineEntrySchema,
  type OrderItem,
  type OrderListQuery,
  type OrderStatus,
  type ProductSnapshot,
  type TimelineEntry,
} from './schemas';

const parseOrder = (item: Record<string, unknown>) => orderItemSchema.parse(item);

export interface OrderWithTimeline {
  order: OrderItem;
  timeline: TimelineEntry[];
  /** The order's attachment records and its rating, in the same partition. */
  attachments?: AttachmentItem[];
  review?: ReviewItem | null;
}

/** Access pattern: an order and its whole timeline, oldest entry first: one Query on the order's partition. */
export const getOrderWithTimeline = async (orderId: string): Promise<OrderWithTimeline | undefined> => {
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
  const orderItem = items.find((i) => i.SK === keys.order(orderId).SK);
  if (!orderItem) return undefined;
  const review = items.find((i) => i.type === 'review');
  return {
    order: parseOrder(orderItem),
    timeline: items.filter((i) => i.type === 'timeline').map((i) => timelineEntrySchema.parse(i)),
    attachments: items.filter((i) => i.type === 'attachment').map((i) => attachmentItemSchema.parse(i)),
    review: review ? parseReview(review) : null,
  };
};

/** Whether a user may see an order: its buyer, its provider, or an operator. */
const canSee = (order: Pick<OrderItem, 'buyerId' | 'providerId'>, user: { id: string; roles: string[] }) =>
  user.roles.includes('operator') ||
  (user.roles.includes('buyer') && order.buyerId === user.id) ||
  (user.roles.includes('provider') && order.providerId === user.id);

/** An order with its timeline for its buyer, its provider or an operator; anyone else gets 404. */
export const readOrderFor = async (user: { id: string; roles: string[] }, orderId: string) => {
  const found = await getOrderWithTimeline(orderId);
  if (!found || !canSee(found.order, user)) throw new NotFoundError('The order');
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

const productNotListed = () => new ConflictError('PRODUCT_NOT_LISTED', 'The product is not listed and cannot be bought.');

/**
 * Buys a listed product: one BatchGetItem (the product, and the idempotency record when a key was sent)
 * then one transaction (product still listed, the order, its `create` entry, the idempotency record).
 */
export const createOrder = async (
  buyerId: string,
  input: { productId: string; planId: string; quantity: number },
  now: Date,
  idempotency: IdempotencyRequest | undefined,
  rules: OrderRules,
  answer: (o: OrderItem, timeline: TimelineEntry[]) => Reply,
): Promise<Reply> => {
  const productKey = keys.product(input.productId);
  const idemKey = idempotency ? keys.idempotency(idempotency.userId, idempotency.route, idempotency.key) : undefined;
  const got = await ddb.send(
    new BatchGetCommand({
      RequestItems: { [tableName]: { Keys: idemKey ? [productKey, idemKey] : [productKey], ConsistentRead: true } },
    }),
  );
  const items = got.Responses?.[tableName] ?? [];
  const stored = idemKey && items.find((i) => i.PK === idemKey.PK);
  if (idempotency && stored) {
    const replayed = replay(stored, idempotency, now);
    if (replayed) return replayed;
  }
  const rawProduct = items.find((i) => i.PK === productKey.PK);
  if (!rawProduct) throw new DomainError(404, 'PRODUCT_NOT_FOUND', 'Not found', 'The product was not found.');
  const product = productItemSchema.parse(rawProduct);
  if (product.listing !== 'listed' || !product.live) throw productNotListed();
  const snapshot = snapshotOf(product, input.planId);
  if (!snapshot) {
    throw new DomainError(404, 'PLAN_NOT_FOUND', 'Not found', `The product has no plan ${input.planId}.`, {
      errors: [{ path: 'planId', message: 'not a plan of this product' }],
    });
  }

  const at = now.toISOString();
  const orderId = newId(now.getTime());
  const order: OrderItem = {
    orderId,
    productId: product.productId,
    planId: input.planId,
    buyerId,
    providerId: product.providerId,
    status: 'awaiting_start',
    version: 1,
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
  };
  const entry: TimelineEntry = {
    entryId: newId(now.getTime()),
    orderId,
    action: 'create',
    actor: buyerId,
    role: 'buyer',
    at,
    from: null,
    to: 'awaiting_start',
    data: { productId: product.productId, planId: input.planId, quantity: input.quantity, amount: order.amount },
  };
  const reply = answer(order, [entry]);
  try {
    await transactWrite([
      {
        ConditionCheck: {
          TableName: tableName,
          Key: productKey,
          ConditionExpression: '#listing = :listed',
          ExpressionAttributeNames: { '#listing': 'listing' },
          ExpressionAttributeValues: { ':listed': 'listed' },
        },
      },
      { Put: { TableName: tableName, Item: orderRecord(order, rules), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: tableName, Item: timelineRecord(entry, order), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...(idempotency ? [idempotencyPut(idempotency, reply, now)] : []),
    ]);
  } catch (err) {
    if (err instanceof ConditionFailed && err.index === 0) throw productNotListed();
    if (err instanceof ConditionFailed && err.index === 3 && idempotency) {
      const replayed = replay(err.item, idempotency, now);
      if (replayed) return replayed;
    }
    throw err;
  }
  return reply;
};

/** The due-index keys of an order: present only while a job has something to do with it. */
const dueKeys = (
  o: Pick<OrderItem, 'orderId' | 'status' | 'statusSince' | 'remindersSent'>,
  rules: OrderRules,
): { GSI4PK?: string; GSI4SK?: string } => {
  const at = nextDueAt(o, rules);
  return at === undefined ? {} : { GSI4PK: keys.dueShard(o.orderId), GSI4SK: keys.sortByTime(new Date(at).toISOString(), o.orderId) };
};

const orderRecord = (o: OrderItem, rules: OrderRules) => ({
  ...keys.order(o.orderId),
  type: 'order',
  ...o,
  ...dueKeys(o, rules),
  GSI1PK: keys.providerOrders(o.providerId),
  GSI1SK: keys.sortByTime(o.createdAt, o.orderId),
  GSI2PK: keys.buyerOrders(o.buyerId),
  GSI2SK: keys.sortByTime(o.createdAt, o.orderId),
  ...operatorIndexKeys(o),
});

/** Every order (GSI7, sharded) and orders by status (GSI8, sharded; the appeal queue by appeal time). */
const operatorIndexKeys = (o: Pick<OrderItem, 'orderId' | 'status' | 'createdAt' | 'statusSince'>) => ({
  GSI7PK: keys.allOrdersShard(o.orderId),
  GSI7SK: keys.sortByTime(o.createdAt, o.orderId),
  GSI8PK: keys.ordersByStatusShard(o.status, o.orderId),
  GSI8SK: keys.sortByTime(o.status === 'disputed' ? o.statusSince : o.createdAt, o.orderId),
});

const timelineRecord = (e: TimelineEntry, parties?: Pick<OrderItem, 'buyerId' | 'providerId'>) => ({
  ...keys.orderTimeline(e.orderId, e.at, e.entryId),
  type: 'timeline',
  entity: 'order',
  ...e,
  ...(parties ? { buyerId: parties.buyerId, providerId: parties.providerId } : {}),
});

// ---------------------------------------------------------------------------------------------------
// Status changes

/** The error a refused command answers, from the order the refused condition saw. */
export const refusalError = (refusal: Refusal | undefined, action: OrderCommand, status: OrderStatus): DomainError => {
  switch (refusal?.kind) {
    case 'status':
    case 'role':
      return new InvalidStateError(orderRules[action].verb, status);
    case 'requirements-missing':
      return new ConflictError('REQUIREMENTS_MISSING', 'The product needs the buyer’s requirements before work starts.', {
        currentStatus: status,
      });
    case 'requirements-not-submitted':
      return new ConflictError('REQUIREMENTS_NOT_SUBMITTED', 'There are no submitted requirements to reject.', {
        currentStatus: status,
      });
    case 'urged-recently':
      return new ThrottledError('The buyer was urged recently; urge again later.', refusal.retryAfterMs / 1000);
    case 'appeal-not-eligible':
      return new ConflictError(
        'APPEAL_NOT_ELIGIBLE',
        'An appeal needs the other party’s step to have stalled, or repeated rejected completions.',
        { currentStatus: status },
      );
    default:
      return new ConflictError('VERSION_CONFLICT', 'The order changed meanwhile; read it again.', { currentStatus: status });
  }
};

/** Explains a refused write: 404 when absent or not the actor's, otherwise the rule that refused it. */
const explain = (err: unknown, action: OrderCommand, actor: Actor, now: Date, rules: OrderRules): never => {
  if (!(err instanceof ConditionFailed) || err.index !== 0) throw err;
  const seen = err.item;
  if (!seen || seen.type !== 'order') throw new NotFoundError('The order');
  if (actor.role === 'buyer' && seen.buyerId !== actor.id) throw new NotFoundError('The order');
  if (actor.role === 'provider' && seen.providerId !== actor.id) throw new NotFoundError('The order');
  const order = parseOrder(seen);
  throw refusalError(refusalOf(order, action, actor.role, now, rules), action, order.status);
};

/** The conditional update of a command taken without reading the order first. */
const commandUpdate = (
  orderId: string,
  action: OrderCommand,
  actor: Actor,
  input: CommandInput,
  now: Date,
  rules: OrderRules,
  expr: Expr,
) => {
  const rule = orderRules[action];
  const at = now.toISOString();
  const set = (path: string, v: unknown) => `${expr.name(path)} = ${expr.value(v)}`;
  const conditions = [expr.eq('type', 'order')];
  conditions.push(input.from ? expr.eq('status', input.from) : expr.in('status', sourceStatuses(action, actor.role)));
  if (actor.role === 'buyer') conditions.push(expr.eq('buyerId', actor.id));
  if (actor.role === 'provider') conditions.push(expr.eq('providerId', actor.id));
  const sets = [set('updatedAt', at), `${expr.name('version')} = ${expr.name('version')} + ${expr.value(1)}`];
  if (rule.turn) sets.push(set('turnSince', at));
  const to = rule.to === null ? null : rule.to === 'outcome' ? (input.outcome ?? 'implementing') : rule.to;
  const removes: string[] = [];
  const due = (keysOrNothing: { GSI4PK?: string; GSI4SK?: string }) => {
    if (keysOrNothing.GSI4PK) sets.push(set('GSI4PK', keysOrNothing.GSI4PK), set('GSI4SK', keysOrNothing.GSI4SK));
    else removes.push(expr.name('GSI4PK'), expr.name('GSI4SK'));
  };
  if (to !== null) {
    sets.push(set('status', to), set('statusSince', at));
    // a new status starts its own timers (spec section 4), so the due index is set from scratch
    due(dueKeys({ orderId, status: to, statusSince: at, remindersSent: [] }, rules));
    // orders by status (GSI8): the purchase-time key is copied from GSI7; the appeal queue sorts by appeal time
    sets.push(
      set('GSI8PK', keys.ordersByStatusShard(to, orderId)),
      to === 'disputed'
        ? set('GSI8SK', keys.sortByTime(at, orderId))
        : `${expr.name('GSI8SK')} = if_not_exists(${expr.name('GSI7SK')}, ${expr.value(keys.sortByTime(at, orderId))})`,
    );
  }
  const refund = () => sets.push(`${expr.name('refundAmount')} = ${expr.name('amount')}`, set('refundedAt', at));
  switch (action) {
    case 'reject-requirements':
      conditions.push(expr.eq('requirements.status', 'submitted'));
      sets.push(set('requirements.status', 'rejected'), set('requirements.reason', input.reason));
      break;
    case 'start':
      conditions.push(`(${expr.eq('product.requirementsBeforeStart', false)} OR ${expr.eq('requirements.status', 'submitted')})`);
      sets.push(set('requirements.status', 'accepted'));
      sets.push(`${expr.name('startedAt')} = if_not_exists(${expr.name('startedAt')}, ${expr.value(at)})`);
      break;
    case 'complete':
      sets.push(set('delivery', { note: input.note, at }));
      break;
    case 'urge':
      conditions.push(
        `(attribute_not_exists(${expr.name('lastUrgedAt')}) OR ${expr.name('lastUrgedAt')} <= ${expr.value(
          new Date(now.getTime() - rules.urgeIntervalMs).toISOString(),
        )})`,
      );
      sets.push(set('lastUrgedAt', at));
      break;
    case 'confirm':
      sets.push(set('completedAt', at));
      break;
    case 'auto-confirm':
      conditions.push(`${expr.name('statusSince')} <= ${expr.value(new Date(now.getTime() - rules.autoConfirmMs).toISOString())}`);
      sets.push(set('completedAt', at));
      break;
    case 'reject-completion':
      sets.push(`${expr.name('completionRejections')} = ${expr.name('completionRejections')} + ${expr.value(1)}`);
      break;
    case 'cancel':
      refund();
      break;
    case 'auto-cancel':
      conditions.push(`${expr.name('statusSince')} <= ${expr.value(new Date(now.getTime() - rules.autoCancelMs).toISOString())}`);
      refund();
      break;
    case 'resolve':
      sets.push(set('resolution', { outcome: input.outcome, note: input.note, by: actor.id, at }));
      if (to === 'completed') sets.push(set('completedAt', at));
      if (to === 'cancelled') refund();
      break;
    case 'remind': {
      const covers = input.covers ?? [input.reminder!];
      conditions.push(`NOT contains(${expr.name('remindersSent')}, ${expr.value(input.reminder)})`);
      sets.push(
        `${expr.name('remindersSent')} = list_append(if_not_exists(${expr.name('remindersSent')}, ${expr.value([])}), ${expr.value(covers)})`,
      );
      if (!input.from || !input.statusSince) throw new Error('a reminder names the status entry it belongs to');
      conditions.push(expr.eq('statusSince', input.statusSince));
      due(dueKeys({ orderId, status: input.from, statusSince: input.statusSince, remindersSent: [...(input.sent ?? []), ...covers] }, rules));
      break;
    }
    case 'submit-requirements':
    case 'appeal':
    case 'message':
      throw new Error(`${action} reads the order first`);
  }
  return { condition: conditions.join(' AND '), update: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}` };
};

/**
 * Commands that must read the order: requirements are checked against its form, appeals against its
 * history, a message's entry names the current status; and any command that references attachments,
 * which must be this order's (the same Query returns them).
 */
const READ_FIRST: OrderCommand[] = ['submit-requirements', 'appeal', 'message'];

/** A command on an order: who takes which action, with what, when, under which periods. */
export interface OrderCommandRequest {
  actor: Actor;
  orderId: string;
  action: OrderCommand;
  input: CommandInput;
  now: Date;
  rules: OrderRules;
  /** When given, the actor acts as the side of the order they are on (buyer, provider, else operator). */
  roles?: readonly string[];
  /**
   * Checks attachment references against S3 (lib/attachments/repository's `checkReferences`). Only the
   * functions whose commands can reference attachments pass it, so only their bundles carry the S3 client.
   */
  checkReferences?: ReferenceChecker;
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

const entryOf = (c: OrderCommandRequest, from: OrderStatus, to: OrderStatus): TimelineEntry => ({
  entryId: newId(c.now.getTime()),
  orderId: c.orderId,
  action: c.action,
  actor: c.actor.id,
  role: c.actor.role,
  at: c.now.toISOString(),
  from,
  to,
  data: entryData(c.action, c.input),
});

/**
 * Takes a command on an order: one conditional transaction that changes the order and appends its
 * timeline entry, then one Query for the answer; or, for the read-first commands, one Query and one
 * transaction conditioned on the version read, with the answer computed from both.
 */
export const runOrderCommand = async (c: OrderCommandRequest): Promise<OrderWithTimeline> => {
  if (READ_FIRST.includes(c.action) || c.input.attachments?.length) return runReadFirst(c);
  await writeOrderCommand(c);
  const found = await getOrderWithTimeline(c.orderId);
  if (!found) throw new NotFoundError('The order');
  return found;
};

/** The write of a command without reading the order first or after: one conditional transaction. */
export const writeOrderCommand = async (c: OrderCommandRequest): Promise<void> => {
  const { actor, orderId, action, input, now, rules } = c;
  const rule = orderRules[action];
  const expr = new Expr();
  const { condition, update } = commandUpdate(orderId, action, actor, input, now, rules, expr);
  const from = input.from ?? (rule.from.length === 1 ? rule.from[0] : null);
  if (from === null) throw new Error(`${action} needs the status it starts from`);
  const entry = entryOf(c, from, targetStatus(action, from, input.outcome));
  try {
    await transactWrite([
      { Update: { TableName: tableName, Key: keys.order(orderId), UpdateExpression: update, ConditionExpression: condition, ...expr.attrs() } },
      { Put: { TableName: tableName, Item: timelineRecord(entry), ConditionExpression: 'attribute_not_exists(PK)' } },
    ]);
  } catch (err) {
    explain(err, action, actor, now, rules);
  }
};

const runReadFirst = async (request: OrderCommandRequest): Promise<OrderWithTimeline> => {
  const { orderId, action, input, now, rules } = request;
  const found = await getOrderWithTimeline(orderId);
  if (!found) throw new NotFoundError('The order');
  const role = request.roles ? sideOf(found.order, { id: request.actor.id, roles: request.roles }) : request.actor.role;
  const actor: Actor = { id: request.actor.id, role: role ?? request.actor.role };
  const c = { ...request, actor };
  const mine =
    (role === 'operator' && orderRules[action].roles.includes('operator')) ||
    (role === 'buyer' && found.order.buyerId === actor.id) ||
    (role === 'provider' && found.order.providerId === actor.id);
  if (!mine) throw new NotFoundError('The order');
  const { order, timeline } = found;
  const attachments = found.attachments ?? [];
  const refusal = refusalOf(order, action, actor.role, now, rules);
  if (refusal) throw refusalError(refusal, action, order.status);
  if (action === 'submit-requirements') {
    const ids = new Set(attachments.map((a) => a.attachmentId));
    const errors = validateAnswers(order.product.requirementsTemplate, input.answers ?? {}, ids);
    if (errors.length) throw new ValidationError(errors, 'The requirements do not match the product’s form.');
  }
  const refs = referencesOf(action, input, order.product.requirementsTemplate);
  if (refs.length && !c.checkReferences) throw new Error(`${action} references attachments but its function checks none`);
  const verified = refs.length ? await c.checkReferences!(refs, attachments, now) : [];
  const next = applyCommand(order, action, input, actor, now);
  const entry = entryOf(c, order.status, next.status);
  try {
    await transactWrite([
      {
        Put: {
          TableName: tableName,
          Item: orderRecord(next, rules),
          ConditionExpression: '#version = :version AND #status = :status',
          ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: { ':version': order.version, ':status': order.status },
        },
      },
      { Put: { TableName: tableName, Item: timelineRecord(entry, order), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...verified,
    ]);
  } catch (err) {
    if (err instanceof ConditionFailed && err.index === 0) {
      const seen = err.item ? parseOrder(err.item) : undefined;
      throw refusalError(seen ? refusalOf(seen, action, actor.role, now, rules) : undefined, action, seen?.status ?? order.status);
    }
    throw err;
  }
  const verifiedIds = new Set(verified.map((v) => v.Update.Key.SK));
  return {
    order: next,
    timeline: [...timeline, entry],
    attachments: attachments.map((a) =>
      verifiedIds.has(keys.attachment(a.orderId, a.attachmentId).SK) ? { ...a, verifiedAt: now.toISOString() } : a,
    ),
    review: found.review,
  };
};

// ---------------------------------------------------------------------------------------------------
// Lists

const orderFilters = (q: OrderListQuery) => (e: Expr) =>
  [
    q.status ? e.eq('status', q.status) : undefined,
    q.productId ? e.eq('productId', q.productId) : undefined,
    q.completedFrom ? `${e.name('completedAt')} >= ${e.value(new Date(q.completedFrom).toISOString())}` : undefined,
    q.completedTo ? `${e.name('completedAt')} <= ${e.value(new Date(q.completedTo).toISOString())}` : undefined,
  ]
    .filter(Boolean)
    .join(' AND ');

/** The purchase-time range as a key condition on `<createdAt>#<orderId>`. */
const createdRange = (q: OrderListQuery) => {
  if (!q.createdFrom && !q.createdTo) return undefined;
  const from = q.createdFrom ? new Date(q.createdFrom).toISOString() : '0000';
  const to = q.createdTo ? `${new Date(q.createdTo).toISOString()}#~` : '9999';
  return (sk: string, e: Expr) => `${sk} BETWEEN ${e.value(from)} AND ${e.value(to)}`;
};

/** Access pattern: a buyer's orders (GSI2) or a provider's (GSI1), newest first, with the list filters. */
export const listOrders = async (party: { buyerId: string } | { providerId: string }, q: OrderListQuery) => {
  const page = await queryPage({
    ...('buyerId' in party
      ? { index: 'GSI2' as const, pk: keys.buyerOrders(party.buyerId) }
      : { index: 'GSI1' as const, pk: keys.providerOrders(party.providerId) }),
    sk: createdRange(q),
    filter: orderFilters(q),
    expr: new Expr(),
    limit: q.limit,
    cursor: q.cursor,
    newestFirst: true,
  });
  return { items: page.items.map(parseOrder), nextCursor: page.nextCursor };
};
