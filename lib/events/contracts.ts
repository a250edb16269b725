import { z } from 'zod';
import { ORDER_STATUSES } from '../orders/schemas';

/**
 * The domain events others react to (spec 5.1), each a versioned contract: the envelope
 * `{ id, type, version, occurredAt, data }` with the data of its type. A consumer parses what it receives
 * against these schemas; the API document publishes them as `webhooks`, and provider webhooks carry them as
 * their body. A change that breaks a reader gets a new `version` beside the old one (never an edit in place).
 */

/** EventBridge `source` per aggregate: the consumers' rules select on it. */
export const EVENT_SOURCES = { order: 'marketplace.orders', product: 'marketplace.products', provider: 'marketplace.providers' } as const;

const ORDER_ROLES = ['buyer', 'provider', 'operator', 'system'] as const;

const detail = (description: string) => z.record(z.string(), z.unknown()).meta({ description });

const orderData = <const A extends readonly [string, ...string[]]>(actions: A, detailOf: string) =>
  z.object({
    orderId: z.string(),
    action: z.enum(actions).meta({ description: 'the timeline action that made this event' }),
    role: z.enum(ORDER_ROLES).meta({ description: 'the side that acted: `system` for the scheduled jobs' }),
    from: z.enum(ORDER_STATUSES).nullable().meta({ description: 'the status before (null when the order was created)' }),
    to: z.enum(ORDER_STATUSES),
    orderVersion: z.number().int().positive().optional().meta({ description: 'the order version this change made' }),
    detail: detail(detailOf),
  });

const productData = <const A extends readonly [string, ...string[]]>(actions: A, detailOf: string) =>
  z.object({
    productId: z.string(),
    action: z.enum(actions).meta({ description: 'the timeline action that made this event' }),
    role: z.enum(['provider', 'operator']),
    detail: detail(detailOf),
  });

/** The envelope every event shares; `id` is its timeline entry's id, so a redelivered change has the same id. */
const envelope = <const T extends string, const V extends number, D extends z.ZodType>(type: T, version: V, data: D, description: string) =>
  z
    .object({
      id: z.string().meta({ description: 'the same for every delivery of this event: consumers deduplicate on it' }),
      type: z.literal(type),
      version: z.literal(version),
      occurredAt: z.string().meta({ description: 'ISO 8601, when the change was made' }),
      data,
    })
    .meta({ id: eventSchemaId(type, version), description });

function eventSchemaId(type: string, version: number) {
  return `${type.split(/[._]/).map((w) => w[0].toUpperCase() + w.slice(1)).join('')}EventV${version}`;
}

export const orderCreatedV1 = envelope('order.created', 1, orderData(['create'], 'empty'), 'A buyer bought a product: a new order awaits the start.');
export const orderRequirementsSubmittedV1 = envelope(
  'order.requirements_submitted',
  1,
  orderData(['submit-requirements'], '`answers`: the requirement form’s answers by field'),
  'The buyer submitted the requirement form (待提交需求单 → 已提交).',
);
export const orderRequirementsRejectedV1 = envelope(
  'order.requirements_rejected',
  1,
  orderData(['reject-requirements'], '`reason`'),
  'The provider sent the requirement form back to the buyer.',
);
export const orderStatusChangedV1 = envelope(
  'order.status_changed',
  1,
  orderData(
    ['start', 'complete', 'confirm', 'reject-completion', 'cancel', 'appeal', 'resolve', 'auto-confirm', 'auto-cancel', 'provision', 'refund', 'expire', 'destroy', 'renew', 'reveal'],
    '`complete`: `note`, `attachments`; `reject-completion`, `cancel`, `appeal`, `refund`: `reason`; `resolve`: `outcome`, `note`; `renew`: `periods`; `provision`: the createInstance call (`action`, `status`, `latencyMs`, `signId`, `website`, `authUrl`); `reveal` (a code order’s buyer revealed its codes: never the codes): empty',
  ),
  'The order moved from one status to another (`from` → `to`), by a person or by the schedule.',
);
export const orderUrgedV1 = envelope('order.urged', 1, orderData(['urge'], 'empty'), 'The provider asked the buyer to confirm completion.');
export const orderRemindedV1 = envelope(
  'order.reminded',
  1,
  orderData(['remind'], '`reminder`: which reminder; `recipient`: `buyer` or `provider`'),
  'The schedule reminded a party that the order waits for them.',
);
export const orderMessagePostedV1 = envelope(
  'order.message_posted',
  1,
  orderData(['message'], '`text`, `attachments` (attachment ids)'),
  'A party wrote in the order’s conversation.',
);
export const orderInstanceChangedV1 = envelope(
  'order.instance_changed',
  1,
  orderData(['change-plan'], '`planId`, `planName`, `unitPrice`: the new plan; `fromPlanId`, `fromPlanName`, `fromUnitPrice`: the previous one; `until`: the expiry (unchanged); `difference` (fen: paid when positive, refunded when negative) and `amount` after it'),
  'The buyer changed the plan of an active SaaS order (变更规格).',
);
export const orderSaasCalledV1 = envelope(
  'order.saas_called',
  1,
  orderData(['saas-call'], '`action` (the protocol action sent), `eventId`, `attempt`, `ok`, `status` (HTTP, 0 when nothing came back), `latencyMs`, `signId`'),
  'The platform called the provider’s SaaS endpoint once (one attempt of one call); no status change.',
);
export const productSubmittedV1 = envelope('product.submitted', 1, productData(['submit'], 'empty'), 'A provider submitted a product for review.');
export const productWithdrawnV1 = envelope('product.withdrawn', 1, productData(['withdraw'], 'empty'), 'A provider withdrew a product from review.');
export const productReviewedV1 = envelope(
  'product.reviewed',
  1,
  productData(['approve', 'reject'], '`reason` when rejected').extend({ decision: z.enum(['approved', 'rejected']) }),
  'An operator approved (and listed) or rejected a submitted product.',
);
export const productDelistedV1 = envelope('product.delisted', 1, productData(['delist'], 'empty'), 'The provider delisted a product.');
export const productTakenDownV1 = envelope('product.taken_down', 1, productData(['takedown'], '`reason`'), 'The platform took a product down.');

// Redemption codes: a plan's stock fell below the low-stock mark (from the stock item's change on the stream,
// not a timeline entry). Never carries a code: counts only.
export const productStockLowV1 = envelope(
  'product.stock_low',
  1,
  z.object({
    productId: z.string(),
    action: z.literal('low-stock').meta({ description: 'what the notification of it is called' }),
    role: z.literal('system'),
    detail: z
      .object({
        planId: z.string(),
        available: z.number().int().meta({ description: 'codes left to sell' }),
        stock: z.number().int().meta({ description: 'codes uploaded for the plan so far' }),
        mark: z.number().int().meta({ description: 'the low-stock mark (10)' }),
      })
      .meta({ description: 'the plan and its counts after the purchase that crossed the mark' }),
  }),
  'A purchase left a plan of a code product with fewer codes than the low-stock mark (10): once per crossing, again only after a restock lifted it to the mark or above.',
);
// Provider organisations: suspension (an organisation timeline entry, `entity: organisation`)
const organisationData = <const A extends readonly [string, ...string[]]>(actions: A, detailOf: string) =>
  z.object({
    providerId: z.string(),
    action: z.enum(actions).meta({ description: 'the timeline action that made this event' }),
    role: z.literal('operator'),
    detail: detail(detailOf),
  });
export const providerSuspendedV1 = envelope(
  'provider.suspended',
  1,
  organisationData(['suspend'], '`reason`'),
  'An operator suspended a provider organisation: its products are out of the catalogue and cannot be bought; its orders go on.',
);
export const providerReinstatedV1 = envelope(
  'provider.reinstated',
  1,
  organisationData(['reinstate'], '`reason` when one was given'),
  'An operator reinstated a suspended organisation: the products it had listed are back in the catalogue.',
);

// Provider applications (入驻): an operator's decision (an application timeline entry, `entity: application`).
// Published on the platform's bus only (never to a provider's webhook), so it names the applicant: the
// consumers tell them (站内信, email).
export const providerApplicationDecidedV1 = envelope(
  'provider.application_decided',
  1,
  z.object({
    applicationId: z.string(),
    action: z.enum(['approve', 'reject']).meta({ description: 'the timeline action that made this event' }),
    role: z.literal('operator'),
    decision: z.enum(['approved', 'rejected']),
    applicantId: z.string().meta({ description: 'the person who applied: the one the decision is told to' }),
    companyName: z.string(),
    providerId: z.string().optional().meta({ description: 'the organisation created, when approved' }),
    detail: detail('`reason` when rejected'),
  }),
  'An operator decided a provider application: approved (the organisation exists, the applicant is its administrator) or rejected with a reason.',
);

/** Not a domain event: what POST /provider/webhook/test sends, so a provider can check its verification. */
export const pingV1 = envelope('ping', 1, z.object({ providerId: z.string() }), 'A test event the provider asked for (POST /provider/webhook/test).');

export const ORDER_EVENTS = [
  orderCreatedV1,
  orderRequirementsSubmittedV1,
  orderRequirementsRejectedV1,
  orderStatusChangedV1,
  orderUrgedV1,
  orderRemindedV1,
  orderMessagePostedV1,
  orderInstanceChangedV1,
  orderSaasCalledV1,
] as const;
export const PRODUCT_EVENTS = [productSubmittedV1, productWithdrawnV1, productReviewedV1, productDelistedV1, productTakenDownV1, productStockLowV1] as const;
export const PROVIDER_EVENTS = [providerSuspendedV1, providerReinstatedV1] as const;
export const APPLICATION_EVENTS = [providerApplicationDecidedV1] as const;

export const orderEventSchema = z.discriminatedUnion('type', ORDER_EVENTS);
export const productEventSchema = z.discriminatedUnion('type', PRODUCT_EVENTS);
export const providerEventSchema = z.discriminatedUnion('type', PROVIDER_EVENTS);
export const applicationEventSchema = z.discriminatedUnion('type', APPLICATION_EVENTS);
export const domainEventSchema = z.discriminatedUnion('type', [...ORDER_EVENTS, ...PRODUCT_EVENTS, ...PROVIDER_EVENTS, ...APPLICATION_EVENTS]);

export type OrderEvent = z.infer<typeof orderEventSchema>;
export type ProductEvent = z.infer<typeof productEventSchema>;
export type ProviderEvent = z.infer<typeof providerEventSchema>;
export type ApplicationEvent = z.infer<typeof applicationEventSchema>;
export type DomainEvent = z.infer<typeof domainEventSchema>;
export type EventType = DomainEvent['type'];

export const isOrderEvent = (e: DomainEvent): e is OrderEvent => e.type.startsWith('order.');
export const isProductEvent = (e: DomainEvent): e is ProductEvent => e.type.startsWith('product.');
const PROVIDER_EVENT_TYPES: ReadonlySet<string> = new Set(PROVIDER_EVENTS.map((s) => s.shape.type.value));
/** An organisation's event (suspension); an application's decision is `provider.` too but has no organisation yet when rejected. */
export const isProviderEvent = (e: DomainEvent): e is ProviderEvent => PROVIDER_EVENT_TYPES.has(e.type);
export const isApplicationEvent = (e: DomainEvent): e is ApplicationEvent => e.type === 'provider.application_decided';

/** The bus source of an event: its aggregate. */
export const sourceOf = (e: DomainEvent) => (isOrderEvent(e) ? EVENT_SOURCES.order : isProductEvent(e) ? EVENT_SOURCES.product : EVENT_SOURCES.provider);

/** What a provider's endpoint receives: the order events (products stay on the platform's side) and `ping`. */
export const WEBHOOK_EVENTS = [...ORDER_EVENTS, pingV1] as const;

/** Every contract by type, for the API document and the tests. */
export const EVENT_CONTRACTS = Object.fromEntries([...ORDER_EVENTS, ...PRODUCT_EVENTS, ...PROVIDER_EVENTS, ...APPLICATION_EVENTS].map((s) => [s.shape.type.value, s])) as unknown as Record<EventType, z.ZodObject>;
