import { toAttachmentView } from '../attachments/model';
import type { AttachmentItem } from '../attachments/schemas';
import { toReviewView } from '../reviews/model';
import type { ReviewItem } from '../reviews/schemas';
import { ConflictError, InvalidStateError, type DomainError } from '../http/errors';
import type { Language } from '../http/language';
import { msg, render, t } from '../i18n';
import { maskPhone } from '../people/names';
import { memberMay, roleFor, sideOf, type OrderUser } from './access';
import { commandOf, ORDER_COMMANDS as ORDER_COMMAND_NAMES, orderCommands, sourceStatuses, type CommandInput, type OrderCommand, type Refusal } from './commands';
import type { Actor, OrderRole, OrderRules } from './commands/command';
import type { OrderRow, OrderItem, OrderStatus, OrderSummaryView, OrderView, RequirementStatus, TimelineEntry } from './schemas';

export { ORDER_COMMANDS, commandOf, orderCommands, sourceStatuses, type CommandInput, type CommandInputOf, type OrderCommand, type Refusal } from './commands';
export { waitingFor, type Actor, type OrderRole, type OrderRules } from './commands/command';
export { validateAnswers } from './requirements';

/** The order state machine as data (spec section 4): each command's rule, from its declaration. */
export const orderRules = orderCommands;

/** The status after a command taken from `current`. */
export const targetStatus = (current: OrderStatus, input: CommandInput): OrderStatus => {
  const to = commandOf(input.action).to;
  if (to === null) return current;
  return typeof to === 'function' ? to(input) : to;
};

/**
 * Whether `role` may take the command on the order now: its rule (who, from where) and then its own
 * guards (requirements before start, one urge per interval, appeal eligibility). Pure: the clock is a parameter.
 */
export const refusalOf = (o: OrderItem, action: OrderCommand, role: OrderRole, now: Date, rules: OrderRules): Refusal | undefined => {
  const command = commandOf(action);
  if (!command.roles.includes(role)) return { kind: 'role' };
  if (!sourceStatuses(action, role).includes(o.status)) return { kind: 'status' };
  return command.guard?.(o, { role, now, rules }) as Refusal | undefined;
};

/** The problem a refused command answers, from the order the refusal saw; no refusal means it lost a race. */
export const refusalError = (refusal: Refusal | undefined, action: OrderCommand, status: OrderStatus): DomainError => {
  const command = commandOf(action);
  if (refusal?.kind === 'status' || refusal?.kind === 'role') return new InvalidStateError(action, status);
  if (refusal && command.problem) return command.problem(refusal, status);
  return new ConflictError('VERSION_CONFLICT', msg('detail.orderChanged'), { currentStatus: status });
};

/** The timeline payload of a command: what the party said or did (and, given the change, what it made of the order). */
export const entryData = (input: CommandInput, change?: { before: OrderItem; after: OrderItem }): Record<string, unknown> =>
  (commandOf(input.action).entry as (i: CommandInput, c?: { before: OrderItem; after: OrderItem }) => Record<string, unknown>)(input, change);

/** The attachments a command references, each with the field that names it. */
export const referencesOf = (o: OrderItem, input: CommandInput) => commandOf(input.action).references?.(input, o) ?? [];

/**
 * The order after an accepted command: the same change the repository's conditional update makes,
 * as a pure function (the read-first commands write its result; the model-based test predicts with it).
 */
export const applyCommand = (o: OrderItem, input: CommandInput, actor: Actor, now: Date): OrderItem => {
  const command = commandOf(input.action);
  const at = now.toISOString();
  const to = targetStatus(o.status, input);
  return {
    ...o,
    status: to,
    version: o.version + 1,
    updatedAt: at,
    statusSince: to !== o.status ? at : o.statusSince,
    turnSince: command.turn ? at : o.turnSince,
    ...command.apply?.(o, input, { actor, at, to }),
  };
};

export type { Language } from '../http/language';

/** What the status labels read of an order: its status, its requirements form's status and whether the product has a form. */
type LabelledState = {
  status: OrderStatus;
  requirements: { status: RequirementStatus };
  product: { requirementsTemplate: readonly unknown[] };
};

/** Each party's name for a status (服务商端 / 用户端), from the catalogue; the buyer's 待提交需求单 while the form is due. */
export const statusLabels = (o: LabelledState, lang: Language) =>
  labelsOf(o.status, o.requirements.status, o.product.requirementsTemplate.length, lang);

/** The labels from the facts they depend on: the status, the form's status and how many fields the form has. */
const labelsOf = (status: OrderStatus, form: RequirementStatus, formFields: number, lang: Language) => {
  const needsForm = formFields > 0 && ['none', 'rejected'].includes(form);
  const buyer = status === 'awaiting_start' && needsForm ? 'requirements_needed' : status;
  return { provider: t(lang, `status.order.provider.${status}`), buyer: t(lang, `status.order.buyer.${buyer}`) };
};

type StatusLabels = ReturnType<typeof statusLabels>;

/**
 * Each timeline entry's labels before and after it, by {@link statusLabels}: the entries are walked in
 * version order from the purchase (form not yet submitted), the form's status following the commands
 * that declare the one they leave. Answered in the timeline's order.
 */
export const timelineLabels = (
  product: LabelledState['product'],
  timeline: readonly Pick<TimelineEntry, 'version' | 'action' | 'from' | 'to'>[],
  lang: Language,
): { from: StatusLabels | null; to: StatusLabels }[] => {
  const ordered = timeline.map((e, i) => ({ e, i })).sort((a, b) => (a.e.version ?? 0) - (b.e.version ?? 0) || a.i - b.i);
  const labels: { from: StatusLabels | null; to: StatusLabels }[] = [];
  let form: RequirementStatus = 'none';
  for (const { e, i } of ordered) {
    const before = form;
    if (e.action !== 'create') form = commandOf(e.action).requirements ?? form;
    labels[i] = {
      from: e.from ? statusLabels({ status: e.from, requirements: { status: before }, product }, lang) : null,
      to: statusLabels({ status: e.to, requirements: { status: form }, product }, lang),
    };
  }
  return labels;
};

export { languageOf } from '../http/language';

/**
 * The commands a user may see on the order (those of their side from its status), each with whether its own
 * rules allow it now and, if not, the problem's detail it would answer in `lang`: a client disables what is
 * refused and says why, with no copy of the rules.
 */
export const actionsFor = (o: OrderItem, user: OrderUser, now: Date, rules: OrderRules, lang: Language): NonNullable<OrderView['actions']> =>
  ORDER_COMMAND_NAMES.flatMap((action): NonNullable<OrderView['actions']> => {
    const role = roleFor(o, user, action);
    if (!role || !sourceStatuses(action, role).includes(o.status)) return [];
    // a member sees the commands their member role may take
    if (role === 'provider' && !memberMay(o, user, action)) return [];
    const refusal = commandOf(action).guard?.(o, { role, now, rules }) as Refusal | undefined;
    if (refusal) return [{ action, allowed: false, reason: render(lang, refusalError(refusal, action, o.status).detail) }];
    const quotes = commandOf(action).quotes?.(o, now);
    return [{ action, allowed: true, ...(quotes ? { quotes } : {}) }];
  });

/**
 * Who reads an order, for the names it shows (spec 2.1, 7.1): its buyer, a member of its organisation, an
 * operator; `other` (the default) shows what every one of them may see.
 */
export type Reader = 'buyer' | 'provider' | 'operator' | 'other';

/**
 * Who took a timeline entry's step, as the reader may see them: the organisation's own members and operators
 * see the member's name (and the members their member role, "张三 · 交付"); anyone else sees the organisation's
 * name and id for a provider-side entry, never the member's; `system` entries name the platform.
 */
const actorOf = (o: OrderItem, e: TimelineEntry, reader: Reader, lang: Language) => {
  if (e.role === 'system') return { actor: e.actor, actorName: t(lang, 'names.platform') };
  if (e.role === 'provider' && reader !== 'provider' && reader !== 'operator') {
    return { actor: o.providerId, actorName: o.providerName ?? null };
  }
  return {
    actor: e.actor,
    actorName: e.actorName ?? null,
    ...(reader === 'provider' && e.role === 'provider' && e.memberRole ? { memberRole: e.memberRole } : {}),
  };
};

/** The buyer's contact as the reader may see it: whole for themselves and operators, name and masked phone otherwise. */
const buyerOf = (o: OrderItem, reader: Reader): OrderView['buyer'] => {
  if (!o.buyer) return null;
  if (reader === 'buyer' || reader === 'operator') return o.buyer;
  const phone = maskPhone(o.buyer.phone);
  return { displayName: o.buyer.displayName, ...(phone ? { phone } : {}) };
};

const timelineView = (o: OrderItem, timeline: TimelineEntry[], lang: Language, reader: Reader) => {
  const labels = timelineLabels(o.product, timeline, lang);
  return timeline.map((e, i) => ({
    entryId: e.entryId,
    version: e.version,
    action: e.action,
    ...actorOf(o, e, reader, lang),
    role: e.role,
    at: e.at,
    from: e.from,
    to: e.to,
    data: e.data,
    labels: labels[i],
  }));
};

/** The order as clients see it: canonical status, both parties' labels and, when read, the timeline. */
export const toOrderView = (
  o: OrderItem,
  lang: Language,
  timeline?: TimelineEntry[],
  extras?: { attachments?: AttachmentItem[]; review?: ReviewItem | null; actions?: OrderView['actions']; reader?: Reader },
): OrderView => ({
  orderId: o.orderId,
  productId: o.productId,
  planId: o.planId,
  buyerId: o.buyerId,
  providerId: o.providerId,
  providerName: o.providerName ?? null,
  buyer: buyerOf(o, extras?.reader ?? 'other'),
  status: o.status,
  labels: statusLabels(o, lang),
  product: o.product,
  quantity: o.quantity,
  amount: o.amount,
  requirements: o.requirements,
  delivery: o.delivery,
  deliveryNote: o.deliveryNote ?? null,
  ...(o.delivery === 'code' ? { revealedAt: o.revealedAt ?? null } : {}),
  refund: o.refundedAt ? { amount: o.refundAmount ?? o.amount, at: o.refundedAt } : null,
  appeal: o.appeal ?? null,
  resolution: o.resolution ?? null,
  completionRejections: o.completionRejections,
  lastUrgedAt: o.lastUrgedAt ?? null,
  ...(o.saas ? { instance: o.instance ?? null, saasPlans: o.saas.plans } : {}),
  version: o.version,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
  completedAt: o.completedAt ?? null,
  ...(timeline ? { timeline: timelineView(o, timeline, lang, extras?.reader ?? 'other') } : {}),
  ...(extras?.attachments ? { attachments: extras.attachments.map(toAttachmentView) } : {}),
  ...(extras && extras.review !== undefined ? { review: extras.review ? toReviewView(extras.review) : null } : {}),
  ...(extras?.actions ? { actions: extras.actions } : {}),
});

/** The reader an order is shown to: the side of it the user is on (an operator's list reads as an operator). */
export const readerOf = (o: OrderItem, user: OrderUser): Reader => {
  const side = sideOf(o, user);
  return side === 'none' ? 'other' : side;
};

/** A row of an order list (docs/decisions.md, "summary rows"): from the order's head alone. */
export const toOrderSummary = (h: OrderRow, lang: Language): OrderSummaryView => ({
  orderId: h.orderId,
  productId: h.productId,
  planId: h.planId,
  buyerId: h.buyerId,
  providerId: h.providerId,
  providerName: h.providerName ?? null,
  buyer: h.buyerName !== undefined ? { displayName: h.buyerName, ...(h.buyerPhone ? { phone: h.buyerPhone } : {}) } : null,
  status: h.status,
  labels: labelsOf(h.status, h.requirementsStatus, h.formFields, lang),
  product: { name: h.productName, plan: { name: h.planName }, unitPrice: h.unitPrice },
  quantity: h.quantity,
  amount: h.amount,
  delivery: h.delivery,
  requirements: { status: h.requirementsStatus },
  refund: h.refundedAt ? { amount: h.refundAmount ?? h.amount, at: h.refundedAt } : null,
  appeal: h.appeal ?? null,
  createdAt: h.createdAt,
  statusSince: h.statusSince,
  completedAt: h.completedAt ?? null,
});
