import { toAttachmentView, type Reference } from '../attachments/model';
import type { AttachmentItem } from '../attachments/schemas';
import { toReviewView } from '../reviews/model';
import type { ReviewItem } from '../reviews/schemas';
import type { Config } from '../config';
import type { FieldError } from '../http/errors';
import type { ProductContent } from '../products/schemas';
import type { OrderAction, OrderItem, OrderStatus, OrderView, Resolution, TimelineEntry } from './schemas';

export type OrderRole = 'buyer' | 'provider' | 'operator' | 'system';
export type OrderCommand = Exclude<OrderAction, 'create'>;
export type OrderRules = Config['orders'];

interface OrderRule {
  roles: OrderRole[];
  from: OrderStatus[];
  /** Narrower source statuses for one role (an operator may only write into a dispute). */
  fromByRole?: Partial<Record<OrderRole, OrderStatus[]>>;
  /** The next status; `null` keeps it; `'outcome'` is the operator's resolution. */
  to: OrderStatus | null | 'outcome';
  /** The step hands the turn to the other party (the clock of an appeal for stalling restarts). */
  turn: boolean;
  /** The verb of the 409 message. */
  verb: string;
}

/** The order state machine as data (spec section 4): who may act, from which statuses, to which status. */
export const orderRules: Record<OrderCommand, OrderRule> = {
  'submit-requirements': { roles: ['buyer'], from: ['awaiting_start'], to: null, turn: true, verb: 'submit requirements' },
  'reject-requirements': { roles: ['provider'], from: ['awaiting_start'], to: null, turn: true, verb: 'reject the requirements' },
  start: { roles: ['provider'], from: ['awaiting_start'], to: 'implementing', turn: true, verb: 'start the work' },
  complete: { roles: ['provider'], from: ['implementing'], to: 'awaiting_confirmation', turn: true, verb: 'complete the work' },
  urge: { roles: ['provider'], from: ['awaiting_confirmation'], to: null, turn: false, verb: 'urge the buyer' },
  confirm: { roles: ['buyer'], from: ['awaiting_confirmation'], to: 'completed', turn: true, verb: 'confirm completion' },
  'reject-completion': { roles: ['buyer'], from: ['awaiting_confirmation'], to: 'implementing', turn: true, verb: 'reject the completion' },
  cancel: { roles: ['buyer'], from: ['awaiting_start'], to: 'cancelled', turn: true, verb: 'cancel the order' },
  appeal: {
    roles: ['buyer', 'provider'],
    from: ['awaiting_start', 'implementing', 'awaiting_confirmation'],
    to: 'disputed',
    turn: true,
    verb: 'appeal',
  },
  resolve: { roles: ['operator'], from: ['disputed'], to: 'outcome', turn: true, verb: 'resolve the dispute' },
  remind: { roles: ['system'], from: ['awaiting_start', 'awaiting_confirmation'], to: null, turn: false, verb: 'remind' },
  'auto-confirm': { roles: ['system'], from: ['awaiting_confirmation'], to: 'completed', turn: true, verb: 'auto-confirm' },
  'auto-cancel': { roles: ['system'], from: ['awaiting_start'], to: 'cancelled', turn: true, verb: 'auto-cancel' },
  // 沟通: no status change and nobody's turn changes, so a message never moves an appeal's clock
  message: {
    roles: ['buyer', 'provider', 'operator'],
    from: ['awaiting_start', 'implementing', 'awaiting_confirmation', 'completed', 'disputed'],
    fromByRole: { operator: ['disputed'] },
    to: null,
    turn: false,
    verb: 'post a message',
  },
};

/** The statuses a role may take an action from. */
export const sourceStatuses = (action: OrderCommand, role: OrderRole): OrderStatus[] =>
  orderRules[action].fromByRole?.[role] ?? orderRules[action].from;

/** The side of an order a user is on: its buyer, its provider, else an operator; undefined for anyone else. */
export const sideOf = (
  o: Pick<OrderItem, 'buyerId' | 'providerId'>,
  user: { id: string; roles: readonly string[] },
): 'buyer' | 'provider' | 'operator' | undefined => {
  if (user.roles.includes('buyer') && o.buyerId === user.id) return 'buyer';
  if (user.roles.includes('provider') && o.providerId === user.id) return 'provider';
  if (user.roles.includes('operator')) return 'operator';
  return undefined;
};

export const ORDER_COMMANDS = Object.keys(orderRules) as OrderCommand[];

/** The status after a command, given the resolution outcome for `resolve`. */
export const targetStatus = (action: OrderCommand, current: OrderStatus, outcome?: Resolution): OrderStatus => {
  const to = orderRules[action].to;
  if (to === null) return current;
  if (to === 'outcome') return outcome ?? 'implementing';
  return to;
};

/** Whose step the order waits for: the party that stalls it. */
export const waitingFor = (o: Pick<OrderItem, 'status' | 'requirements' | 'product'>): 'buyer' | 'provider' | null => {
  switch (o.status) {
    case 'awaiting_start':
      return o.product.requirementsBeforeStart && o.requirements.status !== 'submitted' ? 'buyer' : 'provider';
    case 'implementing':
      return 'provider';
    case 'awaiting_confirmation':
      return 'buyer';
    default:
      return null;
  }
};

export type Refusal =
  | { kind: 'role' }
  | { kind: 'status' }
  | { kind: 'requirements-missing' }
  | { kind: 'requirements-not-submitted' }
  | { kind: 'urged-recently'; retryAfterMs: number }
  | { kind: 'appeal-not-eligible' };

/**
 * Whether `role` may take `action` on the order now: the rule table plus the guards of section 4
 * (requirements before start, one urge per interval, appeal eligibility). Pure: the clock is a parameter.
 */
export const refusalOf = (
  o: OrderItem,
  action: OrderCommand,
  role: OrderRole,
  now: Date,
  rules: OrderRules,
): Refusal | undefined => {
  const rule = orderRules[action];
  if (!rule.roles.includes(role)) return { kind: 'role' };
  if (!sourceStatuses(action, role).includes(o.status)) return { kind: 'status' };
  switch (action) {
    case 'start':
      if (o.product.requirementsBeforeStart && o.requirements.status !== 'submitted') return { kind: 'requirements-missing' };
      return undefined;
    case 'reject-requirements':
      return o.requirements.status === 'submitted' ? undefined : { kind: 'requirements-not-submitted' };
    case 'urge': {
      if (!o.lastUrgedAt) return undefined;
      const next = Date.parse(o.lastUrgedAt) + rules.urgeIntervalMs;
      return next <= now.getTime() ? undefined : { kind: 'urged-recently', retryAfterMs: next - now.getTime() };
    }
    case 'appeal': {
      if (o.completionRejections >= rules.appealRejections) return undefined;
      const stalledParty = waitingFor(o);
      const stalled = now.getTime() - Date.parse(o.turnSince) > rules.appealStallMs;
      return stalledParty !== null && stalledParty !== role && stalled ? undefined : { kind: 'appeal-not-eligible' };
    }
    default:
      return undefined;
  }
};

/**
 * The role a user takes an action in on this order: the side of the order they are on (the seller acts as
 * provider, the purchaser as buyer), never the first group in the token (spec 2). Undefined when the user
 * is on no side the action allows.
 */
export const roleOn = (
  o: Pick<OrderItem, 'buyerId' | 'providerId'>,
  user: { id: string; roles: readonly string[] },
  action: OrderCommand,
): OrderRole | undefined => {
  const allowed = orderRules[action].roles;
  const holds = (r: OrderRole) => allowed.includes(r) && user.roles.includes(r);
  if (holds('buyer') && o.buyerId === user.id) return 'buyer';
  if (holds('provider') && o.providerId === user.id) return 'provider';
  if (holds('operator')) return 'operator';
  return undefined;
};

/** Separation of duties: an operator never settles an order they bought or sell. */
export const isOwnAsOperator = (o: Pick<OrderItem, 'buyerId' | 'providerId'>, actor: { id: string; role: OrderRole }) =>
  actor.role === 'operator' && (o.buyerId === actor.id || o.providerId === actor.id);

/** Checks requirement answers against the product's form (需求单模板); each problem names its field. */
export const validateAnswers = (
  template: ProductContent['requirementsTemplate'],
  answers: Record<string, unknown>,
  attachmentIds: ReadonlySet<string> = new Set(),
): FieldError[] => {
  const errors: FieldError[] = [];
  const known = new Set(template.map((f) => f.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) errors.push({ path: `answers.${key}`, message: msg('field.notInForm') });
  }
  for (const field of template) {
    // own properties only: a field named `constructor` must not find Object.prototype's
    const value = Object.hasOwn(answers, field.key) ? answers[field.key] : undefined;
    const path = `answers.${field.key}`;
    if (value === undefined || value === '') {
      if (field.required) errors.push({ path, message: msg('field.required', { label: field.label }) });
      continue;
    }
    const ok =
      field.type === 'text'
        ? typeof value === 'string'
        : field.type === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : field.type === 'boolean'
            ? typeof value === 'boolean'
            : field.type === 'file'
              ? typeof value === 'string' && attachmentIds.has(value)
              : typeof value === 'string' && (field.options ?? []).includes(value);
    if (!ok) {
      const { label } = field;
      errors.push({
        path,
        message:
          field.type === 'select'
            ? msg('field.oneOf', { label, options: field.options ?? [] })
            : field.type === 'file'
              ? msg('field.orderAttachment', { label })
              : msg('field.ofType', { label, type: field.type }),
      });
    }
  }
  return errors;
};

/** The attachments a command references, each with the field that names it. */
export const referencesOf = (action: OrderCommand, input: CommandInput, template: ProductContent['requirementsTemplate']): Reference[] => {
  if (action === 'submit-requirements') {
    return template
      .filter((f) => f.type === 'file' && typeof input.answers?.[f.key] === 'string' && input.answers[f.key] !== '')
      .map((f) => ({ path: `answers.${f.key}`, attachmentId: input.answers![f.key] as string }));
  }
  return (input.attachments ?? []).map((attachmentId, i) => ({ path: `attachments.${i}`, attachmentId }));
};

export type { Language } from '../http/language';
import type { Language } from '../http/language';
import { msg } from '../i18n';

/** Each party's name for a status (服务商端 / 用户端), Chinese by default. */
export const statusLabels = (o: Pick<OrderItem, 'status' | 'requirements' | 'product'>, lang: Language) => {
  const needsForm = o.product.requirementsTemplate.length > 0 && ['none', 'rejected'].includes(o.requirements.status);
  const zh: Record<OrderStatus, [string, string]> = {
    awaiting_start: ['待实施', needsForm ? '待提交需求单' : '待服务商实施'],
    implementing: ['实施中', '实施中'],
    awaiting_confirmation: ['待用户确认', '待确认完成'],
    completed: ['已完成', '分配完成'],
    cancelled: ['已取消（已退款）', '已取消（已退款）'],
    disputed: ['申诉中', '申诉中'],
  };
  const en: Record<OrderStatus, [string, string]> = {
    awaiting_start: ['Awaiting start', needsForm ? 'Requirements needed' : 'Awaiting provider'],
    implementing: ['Implementing', 'Implementing'],
    awaiting_confirmation: ['Awaiting buyer confirmation', 'Awaiting your confirmation'],
    completed: ['Completed', 'Completed'],
    cancelled: ['Cancelled (refunded)', 'Cancelled (refunded)'],
    disputed: ['In dispute', 'In dispute'],
  };
  const [provider, buyer] = (lang === 'en' ? en : zh)[o.status];
  return { provider, buyer };
};

export { languageOf } from '../http/language';

/** The order as clients see it: canonical status, both parties' labels and, when read, the timeline. */
export const toOrderView = (
  o: OrderItem,
  lang: Language,
  timeline?: TimelineEntry[],
  extras?: { attachments?: AttachmentItem[]; review?: ReviewItem | null },
): OrderView => ({
  orderId: o.orderId,
  productId: o.productId,
  planId: o.planId,
  buyerId: o.buyerId,
  providerId: o.providerId,
  status: o.status,
  labels: statusLabels(o, lang),
  product: o.product,
  quantity: o.quantity,
  amount: o.amount,
  requirements: o.requirements,
  delivery: o.delivery ?? null,
  refund: o.refundedAt ? { amount: o.refundAmount ?? o.amount, at: o.refundedAt } : null,
  appeal: o.appeal ?? null,
  resolution: o.resolution ?? null,
  completionRejections: o.completionRejections,
  lastUrgedAt: o.lastUrgedAt ?? null,
  version: o.version,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
  completedAt: o.completedAt ?? null,
  ...(timeline
    ? { timeline: timeline.map(({ entryId, version, action, actor, role, at, from, to, data }) => ({ entryId, version, action, actor, role, at, from, to, data })) }
    : {}),
  ...(extras?.attachments ? { attachments: extras.attachments.map(toAttachmentView) } : {}),
  ...(extras && extras.review !== undefined ? { review: extras.review ? toReviewView(extras.review) : null } : {}),
});

export interface CommandInput {
  answers?: Record<string, unknown>;
  note?: string;
  /** A message's text. */
  text?: string;
  /** Attachment ids a message or a delivery references. */
  attachments?: string[];
  reason?: string;
  outcome?: Resolution;
  /** Which reminder a `remind` entry records (e.g. `buyer-confirm-1@<since>`), and the earlier ones it covers. */
  reminder?: string;
  covers?: string[];
  /** Who a reminder is for. */
  recipient?: 'buyer' | 'provider';
  /** The exact status a command starts from, when the caller knows it (the jobs do), and since when. */
  from?: OrderStatus;
  statusSince?: string;
  /** The reminders already sent in this status (a job knows them from the due index). */
  sent?: string[];
}

export interface Actor {
  id: string;
  role: OrderRole;
}

/** The timeline payload of a command: what the party said or did. */
export const entryData = (action: OrderCommand, input: CommandInput): Record<string, unknown> => {
  switch (action) {
    case 'submit-requirements':
      return { answers: input.answers ?? {} };
    case 'complete':
      return { note: input.note, ...(input.attachments?.length ? { attachments: input.attachments } : {}) };
    case 'message':
      return { text: input.text, attachments: input.attachments ?? [] };
    case 'reject-requirements':
    case 'reject-completion':
    case 'cancel':
    case 'appeal':
      return { reason: input.reason };
    case 'resolve':
      return { outcome: input.outcome, note: input.note };
    case 'remind':
      return { reminder: input.reminder, recipient: input.recipient };
    default:
      return {};
  }
};

/**
 * The order after an accepted command: the same change the repository's conditional update makes,
 * as a pure function (the read-first commands write its result; the model-based test predicts with it).
 */
export const applyCommand = (o: OrderItem, action: OrderCommand, input: CommandInput, actor: Actor, now: Date): OrderItem => {
  const at = now.toISOString();
  const to = targetStatus(action, o.status, input.outcome);
  const next: OrderItem = {
    ...o,
    status: to,
    version: o.version + 1,
    updatedAt: at,
    statusSince: to !== o.status ? at : o.statusSince,
    turnSince: orderRules[action].turn ? at : o.turnSince,
  };
  switch (action) {
    case 'submit-requirements':
      next.requirements = { status: 'submitted', answers: input.answers ?? {} };
      break;
    case 'reject-requirements':
      next.requirements = { ...o.requirements, status: 'rejected', reason: input.reason };
      break;
    case 'start':
      next.requirements = { ...o.requirements, status: 'accepted' };
      next.startedAt = o.startedAt ?? at;
      break;
    case 'complete':
      next.delivery = { note: input.note ?? '', at, ...(input.attachments?.length ? { attachments: input.attachments } : {}) };
      break;
    case 'urge':
      next.lastUrgedAt = at;
      break;
    case 'confirm':
    case 'auto-confirm':
      next.completedAt = at;
      break;
    case 'reject-completion':
      next.completionRejections = o.completionRejections + 1;
      break;
    case 'cancel':
    case 'auto-cancel':
      next.refundAmount = o.amount;
      next.refundedAt = at;
      break;
    case 'appeal':
      next.appeal = { by: actor.id, role: actor.role, reason: input.reason ?? '', at, from: o.status };
      break;
    case 'resolve':
      next.resolution = { outcome: input.outcome ?? 'implementing', note: input.note ?? '', by: actor.id, at };
      if (to === 'completed') next.completedAt = at;
      if (to === 'cancelled') {
        next.refundAmount = o.amount;
        next.refundedAt = at;
      }
      break;
    case 'remind':
      next.remindersSent = [...o.remindersSent, ...(input.covers ?? [input.reminder ?? ''])];
      break;
  }
  return next;
};
