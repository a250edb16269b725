import { z } from 'zod';
import { pageParams } from '../shared/pagination';
import { contentSchema, DELIVERIES, planSchema } from '../products/schemas';
import { ID_PATTERN } from '../shared/ids';
import { attachmentRefs, attachmentView } from '../attachments/schemas';
import { reviewView } from '../reviews/schemas';
import { fieldMessage, msg } from '../i18n';
import { codeSlotsSchema } from '../codes/schemas';
import { instantRange, rangeInOrder } from '../shared/time-range';

export const ORDER_STATUSES = [
  'awaiting_start',
  'implementing',
  'awaiting_confirmation',
  'completed',
  'cancelled',
  'disputed',
  // 兑换码交付: delivered at purchase, completed when its buyer reveals the codes
  'delivered',
  // SaaS orders (spec 3.1)
  'provisioning',
  'active',
  'expired',
  'destroyed',
] as const;
export const REQUIREMENT_STATUSES = ['none', 'submitted', 'rejected', 'accepted'] as const;
/** The actions of a supervised manual order (spec 4): the ones a party is notified of (and may get by email). */
export const MANUAL_ORDER_ACTIONS = [
  'create',
  'submit-requirements',
  'reject-requirements',
  'start',
  'complete',
  'urge',
  'confirm',
  'reject-completion',
  'cancel',
  'appeal',
  'resolve',
  'remind',
  'auto-confirm',
  'auto-cancel',
  'message',
] as const;
export const ORDER_ACTIONS = [
  ...MANUAL_ORDER_ACTIONS,
  // 兑换码交付
  'reveal',
  // SaaS orders (spec 3.1, 7.1)
  'provision',
  'saas-call',
  'renew',
  'change-plan',
  'refund',
  'expire',
  'destroy',
] as const;
export const RESOLUTIONS = ['completed', 'cancelled', 'implementing'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type OrderAction = (typeof ORDER_ACTIONS)[number];
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
export type Resolution = (typeof RESOLUTIONS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);


/**
 * A number answer DynamoDB's number type holds exactly, and JavaScript too: at most 2^53 − 1 in
 * magnitude, and 0 or at least 1e-6 (no underflow to a number the table refuses).
 */
const answerNumber = z
  .number()
  .refine((n) => Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER && (n === 0 || Math.abs(n) >= 1e-6), {
    message: fieldMessage(msg('field.answerNumber')),
  });

export const requirementsBody = z.object({
  answers: z
    .record(z.string().max(40), z.union([z.string().max(2000), answerNumber, z.boolean()]))
    .refine((a) => Object.keys(a).length <= 50, { message: fieldMessage(msg('field.answersAtMost', { max: 50 })) }),
});
export const createOrderBody = z.object({
  productId: z.string().regex(ID_PATTERN, fieldMessage(msg('field.notProductId'))),
  planId: z.string().min(1).max(40),
  quantity: z.number().int().min(1).max(100).default(1),
  /** A SaaS product's requirements form, answered before purchase (sent to the provider as userCollectionInfo). */
  answers: requirementsBody.shape.answers.optional(),
});
export const noteBody = z.object({ note: text(2000) });
/** 实施完成: the delivery note and, optionally, attachments uploaded to the order. */
export const completeBody = z.object({ note: text(2000), attachments: attachmentRefs.optional() });
/** 沟通: a message in the order's timeline, optionally with attachments uploaded to the order. */
export const messageBody = z.object({ text: text(2000), attachments: attachmentRefs.optional() });
export const reasonBody = z.object({ reason: text(1000) });
/** A buyer may say why they cancel, or not. */
export const optionalReasonBody = z.object({ reason: text(1000).optional() });
export const resolveBody = z.object({ outcome: z.enum(RESOLUTIONS), note: text(2000) });

/** 续费: how many more periods of the plan. */
export const renewBody = z.object({ periods: z.number().int().min(1).max(36) });
/** 变更规格: another plan of the product as bought. */
export const changePlanBody = z.object({ planId: z.string().min(1).max(40) });

export const orderIdParams = z.object({ orderId: z.string().regex(ID_PATTERN) });

export const orderListQuery = z
  .object({
    ...pageParams,
    status: z.enum(ORDER_STATUSES).optional(),
    productId: z.string().regex(ID_PATTERN, fieldMessage(msg('field.notProductId'))).optional(),
    ...instantRange('created'),
    ...instantRange('completed'),
  })
  .refine(...rangeInOrder('created', msg('field.createdOrder')))
  .refine(...rangeInOrder('completed', msg('field.completedOrder')));
export type OrderListQuery = z.infer<typeof orderListQuery>;

export const snapshotSchema = z.object({
  name: z.string(),
  serviceType: z.string(),
  plan: z.object({ ...planSchema.shape, planId: z.string() }),
  unitPrice: z.number(),
  deliveryDays: z.number(),
  warrantyDays: z.number(),
  requirementsTemplate: contentSchema.shape.requirementsTemplate,
  requirementsBeforeStart: z.boolean(),
});
export type ProductSnapshot = z.infer<typeof snapshotSchema>;

/** The SaaS 接入 protocol's instance actions (spec 3.1). */
export const SAAS_ACTIONS = ['createInstance', 'renewInstance', 'modifyInstance', 'expireInstance', 'destroyInstance'] as const;
export type SaasAction = (typeof SAAS_ACTIONS)[number];

/** An outbound call still to send: the same `eventId` on every attempt; `body` is built when queued (createInstance's at send time). */
export const pendingCallSchema = z.object({
  eventId: z.string(),
  action: z.enum(SAAS_ACTIONS),
  body: z.record(z.string(), z.unknown()).default({}),
  attempt: z.number().int().nonnegative(),
  nextAt: z.string(),
  firstAt: z.string(),
});
export type PendingCall = z.infer<typeof pendingCallSchema>;

/** What a SaaS order keeps beyond a manual one: the product's plans at purchase, the calls to send, when it expired. */
export const saasStateSchema = z.object({
  plans: z.array(z.object({ ...planSchema.shape, planId: z.string() })),
  calls: z.array(pendingCallSchema),
  expiredAt: z.string().optional(),
});
export type SaasState = z.infer<typeof saasStateSchema>;

/** The provisioned instance (createInstance's answer), and when it expires (null: a `times` plan). */
export const instanceSchema = z.object({
  signId: z.string(),
  website: z.string().nullable(),
  authUrl: z.string().nullable(),
  additionalInfo: z.array(z.object({ name: z.string(), value: z.string() })),
  expiresAt: z.string().nullable(),
});
export type Instance = z.infer<typeof instanceSchema>;

/** 实施完成's delivery note (交付说明) with its attachments. */
const deliveryNoteSchema = z.object({ note: z.string(), at: z.string(), attachments: z.array(z.string()).optional() });

/** The order item's attributes (the object itself, for the schemas built from its fields). */
export const orderItemObject = z.object({
  orderId: z.string(),
  productId: z.string(),
  planId: z.string(),
  buyerId: z.string(),
  providerId: z.string(),
  /** The organisation's name at purchase (spec 2.1: names, not ids; copied so that a read stays one Query). */
  providerName: z.string().optional(),
  /** The buyer's contact at purchase: display name, phone and email from their profile. */
  buyer: z.object({ displayName: z.string(), phone: z.string().optional(), email: z.string().optional() }).optional(),
  status: z.enum(ORDER_STATUSES),
  version: z.number(),
  product: snapshotSchema,
  quantity: z.number(),
  amount: z.number(),
  requirements: z.object({
    status: z.enum(REQUIREMENT_STATUSES),
    answers: z.record(z.string(), z.unknown()),
    reason: z.string().optional(),
  }),
  statusSince: z.string(),
  turnSince: z.string(),
  completionRejections: z.number(),
  lastUrgedAt: z.string().optional(),
  /** 交付方式, the product's at purchase (spec 3.1). */
  delivery: z.enum(DELIVERIES),
  deliveryNote: deliveryNoteSchema.optional(),
  /** A code order's codes: slots first..first+count−1 of its plan (never the codes themselves). */
  codes: codeSlotsSchema.optional(),
  /** When its buyer revealed the codes (查看兑换码). */
  revealedAt: z.string().optional(),
  refundAmount: z.number().optional(),
  refundedAt: z.string().optional(),
  appeal: z.object({ by: z.string(), role: z.string(), reason: z.string(), at: z.string(), from: z.string() }).optional(),
  resolution: z.object({ outcome: z.enum(RESOLUTIONS), note: z.string(), by: z.string(), at: z.string() }).optional(),
  remindersSent: z.array(z.string()).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().optional(),
  /** The first 开始实施 (the dashboard's purchase → start and start → completion). */
  startedAt: z.string().optional(),
  /** Present on SaaS orders only (docs/decisions.md, "SaaS orders"). */
  saas: saasStateSchema.optional(),
  instance: instanceSchema.optional(),
}).loose();

/**
 * Orders stored before deliveries existed are manual and kept their delivery note under `delivery`: read
 * as they would be written now, so nothing needs rewriting.
 */
const asStoredNow = (raw: unknown) => {
  if (!raw || typeof raw !== 'object') return raw;
  const o = raw as Record<string, unknown>;
  if (typeof o.delivery === 'string') return o;
  const { delivery: note, ...rest } = o;
  return { ...rest, delivery: 'manual', ...(note && typeof note === 'object' ? { deliveryNote: note } : {}) };
};

/** An order item as stored; attributes other areas keep on the item pass through a rewrite untouched. */
export const orderItemSchema = z.preprocess(asStoredNow, orderItemObject);
export type OrderItem = z.infer<typeof orderItemObject>;

// ---- The stored layout (docs/decisions.md, "Order and product items: head and body"): the order is two
// items in its partition, a small head (keys, machine state, parties, list columns) in the indexes and a
// body (the bulky facts) in none. `OrderItem` is the two joined.

/** The attributes of `OrderItem` the body holds (requirements: its answers and reason; its status is the head's). */
export const ORDER_BODY_FIELDS = ['product', 'requirements', 'buyer', 'deliveryNote', 'resolution'] as const;

/** The order's body: the product snapshot, the requirements' answers, the buyer's contact, the delivery note, the ruling. */
export const orderBodySchema = z.object({
  orderId: z.string(),
  product: snapshotSchema,
  requirements: z.object({ answers: z.record(z.string(), z.unknown()), reason: z.string().optional() }),
  buyer: orderItemObject.shape.buyer,
  deliveryNote: deliveryNoteSchema.optional(),
  resolution: orderItemObject.shape.resolution,
});
export type OrderBody = z.infer<typeof orderBodySchema>;

/** The order's head: everything else, with the list columns taken from the body's facts. */
export const orderHeadSchema = orderItemObject
  .omit({ product: true, requirements: true, buyer: true, deliveryNote: true, resolution: true })
  .extend({
    productName: z.string(),
    planName: z.string(),
    unitPrice: z.number(),
    /** The number of fields of the requirements form (the status labels say 待提交需求单 only when there is one). */
    formFields: z.number(),
    requirementsStatus: z.enum(REQUIREMENT_STATUSES),
    /** The buyer's display name at purchase. */
    buyerName: z.string().optional(),
    /** The buyer's phone at purchase, masked (138****5678), as the lists show it. */
    buyerPhone: z.string().optional(),
  });
export type OrderHead = z.infer<typeof orderHeadSchema>;

/**
 * An order's list row: the head's listed attributes (lib/orders/items.ts), what its index entries carry and
 * every list (the summary rows, the export, the operator's search) is made from.
 */
export const orderRowSchema = orderHeadSchema.pick({
  orderId: true,
  productId: true,
  planId: true,
  buyerId: true,
  providerId: true,
  providerName: true,
  buyerName: true,
  buyerPhone: true,
  productName: true,
  planName: true,
  unitPrice: true,
  quantity: true,
  amount: true,
  delivery: true,
  status: true,
  statusSince: true,
  requirementsStatus: true,
  formFields: true,
  appeal: true,
  refundAmount: true,
  refundedAt: true,
  createdAt: true,
  startedAt: true,
  completedAt: true,
});
export type OrderRow = z.infer<typeof orderRowSchema>;

export const timelineEntrySchema = z.object({
  entryId: z.string(),
  orderId: z.string(),
  /** The order version this entry's change made (entries written before versions were keyed lack it). */
  version: z.number().int().positive().optional(),
  action: z.enum(ORDER_ACTIONS),
  actor: z.string(),
  role: z.string(),
  /** The acting person's display name at write time; the platform's for `system` entries. */
  actorName: z.string().optional(),
  /** A provider-side actor's member role in the organisation (shown to the organisation's own members only). */
  memberRole: z.string().optional(),
  at: z.string(),
  from: z.enum(ORDER_STATUSES).nullable(),
  to: z.enum(ORDER_STATUSES),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

// ---- Views: what the API answers (toOrderView is typed by it; the OpenAPI document is built from it).

/** Each party's name for a status (服务商端 / 用户端), in the reader's language. */
export const statusLabelsView = z.object({ provider: z.string(), buyer: z.string() }).meta({ id: 'StatusLabels' });

export const timelineEntryView = timelineEntrySchema
  .omit({ orderId: true })
  .extend({
    actor: z.string().meta({ description: 'the acting person’s id; for a buyer, the organisation’s id on a provider-side entry' }),
    actorName: z
      .string()
      .nullable()
      .meta({ description: 'who acted, by name: the person, the organisation’s name for a buyer on a provider-side entry, the platform on `system` entries' }),
    memberRole: z.string().optional().meta({ description: 'to the organisation’s own members only: the acting member’s role ("张三 · 交付")' }),
    labels: z
      .object({ from: statusLabelsView.nullable(), to: statusLabelsView })
      .meta({ description: 'each party’s name for the status before (null on the first entry) and after the entry' }),
  })
  .meta({ id: 'TimelineEntry' });

export const orderView = z
  .object({
    orderId: z.string(),
    productId: z.string(),
    planId: z.string(),
    buyerId: z.string(),
    providerId: z.string(),
    providerName: z.string().nullable().meta({ description: 'the selling organisation’s name at purchase' }),
    buyer: z
      .object({ displayName: z.string(), phone: z.string().optional(), email: z.string().optional() })
      .nullable()
      .meta({
        description:
          'the buyer’s contact at purchase: the provider sees the display name and a masked phone (138****5678), operators everything, the buyer their own',
      }),
    status: z.enum(ORDER_STATUSES),
    labels: statusLabelsView.meta({ description: 'each party’s name for the status' }),
    product: snapshotSchema.meta({ id: 'ProductSnapshot' }),
    quantity: z.number().int(),
    amount: z.number().int().meta({ description: 'fen' }),
    requirements: orderItemObject.shape.requirements,
    delivery: z.enum(DELIVERIES).meta({ description: '交付方式: manual (the supervised workflow), saas or code' }),
    deliveryNote: deliveryNoteSchema.nullable().meta({ description: '实施完成: the delivery note and its attachments, or null' }),
    codes: z
      .array(z.string())
      .optional()
      .meta({ description: 'a code order’s redemption codes: for its buyer only, once revealed (POST /orders/{orderId}/reveal)' }),
    revealedAt: z.string().nullable().optional().meta({ description: 'a code order: when its buyer revealed the codes, or null' }),
    refund: z.object({ amount: z.number().int(), at: z.string() }).nullable(),
    appeal: orderItemObject.shape.appeal.unwrap().nullable(),
    resolution: orderItemObject.shape.resolution.unwrap().nullable(),
    completionRejections: z.number().int().meta({ description: 'rejected completions since the purchase or the last ruling back to implementing' }),
    lastUrgedAt: z.string().nullable(),
    instance: instanceSchema
      .nullable()
      .optional()
      .meta({ id: 'SaasInstance', description: 'SaaS orders: the instance once provisioned (null while provisioning)' }),
    saasPlans: z
      .array(z.object({ ...planSchema.shape, planId: z.string() }))
      .optional()
      .meta({ description: 'SaaS orders: the product’s plans as bought, those of the same unit being what 变更规格 may choose' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.string().nullable(),
    timeline: z
      .array(timelineEntryView)
      .optional()
      .meta({ description: 'oldest first; on GET /orders/{orderId} and every command’s answer, not in lists' }),
    attachments: z.array(attachmentView).optional().meta({ description: 'where the timeline is: the order’s attachments' }),
    review: reviewView.nullable().optional().meta({ description: 'on GET /orders/{orderId}: the rating, or null' }),
    actions: z
      .array(
        z.object({
          action: z.string().meta({ description: 'the command (`start`, `complete`, `urge`, `appeal`, …)' }),
          allowed: z.boolean(),
          reason: z.string().optional().meta({ description: 'why not now, in the language asked (the problem the command would answer)' }),
          quotes: z
            .array(z.object({ planId: z.string(), difference: z.number().int() }))
            .optional()
            .meta({ description: '`change-plan`: the price difference (fen) each plan would settle now: paid when positive, refunded when negative' }),
        }),
      )
      .optional()
      .meta({
        description:
          'on GET /orders/{orderId} and every command’s answer: the commands the caller’s side may take from the order’s status, each with whether its own rules allow it now (one urge per interval, an appeal only once stalled …)',
      }),
  })
  .meta({ id: 'Order' });
export type OrderView = z.infer<typeof orderView>;

/** A row of an order list: what the lists show, from the order's head alone. */
export const orderSummaryView = z
  .object({
    orderId: z.string(),
    productId: z.string(),
    planId: z.string(),
    buyerId: z.string(),
    providerId: z.string(),
    providerName: z.string().nullable(),
    buyer: z
      .object({ displayName: z.string(), phone: z.string().optional() })
      .nullable()
      .meta({ description: 'the buyer’s display name and masked phone (138****5678) at purchase' }),
    status: z.enum(ORDER_STATUSES),
    labels: statusLabelsView,
    product: z
      .object({ name: z.string(), plan: z.object({ name: z.string() }), unitPrice: z.number().int() })
      .meta({ description: 'the product’s and the plan’s names and the unit price at purchase' }),
    quantity: z.number().int(),
    amount: z.number().int().meta({ description: 'fen' }),
    delivery: z.enum(DELIVERIES),
    requirements: z.object({ status: z.enum(REQUIREMENT_STATUSES) }),
    refund: z.object({ amount: z.number().int(), at: z.string() }).nullable(),
    appeal: orderItemObject.shape.appeal.unwrap().nullable(),
    createdAt: z.string(),
    statusSince: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'OrderSummary' });
export type OrderSummaryView = z.infer<typeof orderSummaryView>;
