import { z } from 'zod';
import { ID_PATTERN } from '../shared/id-pattern';
import { ratingSummaryView } from '../reviews/schemas';
import { pageParams } from '../shared/pagination';
import { fieldMessage, msg } from '../i18n';
import { BIDI, CONTROL, hasVisible } from '../shared/text';

export const SERVICE_TYPES = ['ops_service', 'custom_dev', 'software', 'saas', 'image', 'api'] as const;
export const PLAN_UNITS = ['times', 'day', 'month', 'year'] as const;
/** 交付方式 (spec 3.1): 人工交付 (the supervised workflow), SaaS 自动交付, 兑换码交付. */
export const DELIVERIES = ['manual', 'saas', 'code'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export type ServiceType = (typeof SERVICE_TYPES)[number];
/**
 * The deliveries each service type allows (spec 3): manual for every type (the only one for 运维服务 and
 * 定制开发), SaaS for saas, software and api, redemption codes for software and api.
 */
export const DELIVERIES_BY_SERVICE_TYPE: Record<ServiceType, readonly Delivery[]> = {
  ops_service: ['manual'],
  custom_dev: ['manual'],
  software: ['manual', 'saas', 'code'],
  saas: ['manual', 'saas'],
  image: ['manual'],
  api: ['manual', 'saas', 'code'],
};
/** Whether a service type allows a delivery. */
export const deliveryAllowed = (serviceType: ServiceType, delivery: Delivery) => DELIVERIES_BY_SERVICE_TYPE[serviceType].includes(delivery);
/** The service types that allow a delivery. */
export const serviceTypesFor = (delivery: Delivery): ServiceType[] => SERVICE_TYPES.filter((s) => deliveryAllowed(s, delivery));
/** `file`: the answer is the id of an attachment uploaded to the order (spec 4.1). */
export const FIELD_TYPES = ['text', 'number', 'boolean', 'select', 'file'] as const;
export const PRODUCT_STATUSES = ['draft', 'in_review', 'rejected', 'listed', 'delisted'] as const;
/** The provider's commands on a product (修改, 提交审核, 撤销审核, 下架, 删除), as the view lists those allowed now. */
export const PROVIDER_PRODUCT_ACTIONS = ['edit', 'submit', 'withdraw', 'delist', 'delete'] as const;
export type ProviderProductAction = (typeof PROVIDER_PRODUCT_ACTIONS)[number];

const MAX_FEN = 100_000_000_00; // 100 million yuan

// Control characters (NUL included), bidirectional overrides and isolates (U+202E shows text reversed),
// and characters that show nothing (lib/shared/text): refused in names, kept out of every text.
const visible = (s: string) => !CONTROL.test(s) && !BIDI.test(s);

/** A one-line text: no control or direction-changing characters, and something visible. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\n\r\t]/.test(s) && visible(s), { message: fieldMessage(msg('field.noControlCharacters')) })
    .refine(hasVisible, { message: fieldMessage(msg('field.visibleCharacters')) });

export const planSchema = z
  .object({
    planId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, fieldMessage(msg('field.planIdShape'))).optional(),
    name: text(50),
    duration: z.number().int().min(1).max(10_000),
    unit: z.enum(PLAN_UNITS),
    listPrice: z.number().int().min(0).max(MAX_FEN),
    price: z.number().int().min(0).max(MAX_FEN),
  })
  .refine((p) => p.price <= p.listPrice, { path: ['price'], message: fieldMessage(msg('field.priceAboveList')) });

export const requirementFieldSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, fieldMessage(msg('field.fieldKeyShape'))),
    label: text(60),
    type: z.enum(FIELD_TYPES),
    required: z.boolean(),
    options: z.array(text(60)).min(1).max(50).optional(),
  })
  .refine((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0, {
    path: ['options'],
    message: fieldMessage(msg('field.selectNeedsOptions')),
  });

const unique = <T>(items: T[], key: (t: T) => string | undefined) => {
  const seen = new Set<string>();
  return items.every((i) => {
    const k = key(i);
    if (k === undefined) return true;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

// TextEncoder, not Buffer: the console validates with these same schemas in the browser
const bytesOf = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;
/**
 * The requirements form's budget: with the description (at most 60 KB of UTF-8) and the rest (under 10 KB),
 * a content stays under 110 KB, so `live` and `draft` together stay well under DynamoDB's 400 KB item, and
 * approval (which copies one into the other) can never fail on size.
 */
export const MAX_TEMPLATE_BYTES = 40_000;

/** Every field of a product's listing content, as the provider sends it. */
export const contentFields = {
  name: text(30),
  serviceType: z.enum(SERVICE_TYPES),
  /** 交付方式: allowed by the service type (DELIVERIES_BY_SERVICE_TYPE). */
  delivery: z.enum(DELIVERIES),
  category: text(50),
  tags: z.array(text(20)).min(1).max(3),
  summary: text(200),
  description: z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .refine(visible, { message: fieldMessage(msg('field.noControlCharactersInText')) }),
  logoUrl: z.url({ protocol: /^https?$/ }).max(2048),
  deliveryDays: z.number().int().min(1).max(365),
  warrantyDays: z.number().int().min(0).max(3650),
  plans: z
    .array(planSchema)
    .min(1)
    .max(20)
    .refine((plans) => unique(plans, (p) => p.planId), { message: fieldMessage(msg('field.uniquePlanIds')) }),
  requirementsTemplate: z
    .array(requirementFieldSchema)
    .max(30)
    .refine((fields) => unique(fields, (f) => f.key), { message: fieldMessage(msg('field.uniqueFieldKeys')) })
    .refine((fields) => bytesOf(fields) <= MAX_TEMPLATE_BYTES, { message: fieldMessage(msg('field.templateBytes', { max: MAX_TEMPLATE_BYTES })) }),
  requirementsBeforeStart: z.boolean(),
};

/** A delivery the service type does not allow is refused under `delivery` (when both are known). */
const deliveryFits = (c: { serviceType?: ServiceType; delivery?: Delivery }) =>
  !c.serviceType || !c.delivery || deliveryAllowed(c.serviceType, c.delivery);
const deliveryMismatch = { path: ['delivery'], message: fieldMessage(msg('field.deliveryForType')) };
/**
 * A SaaS product's form is answered in the buy dialog, before there is an order to upload to: it has no file
 * fields (a required one would make the product unbuyable). Checked when the delivery and the form are sent together.
 */
const formFitsDelivery = (c: { delivery?: Delivery; requirementsTemplate?: Array<{ type: string }> }) =>
  c.delivery !== 'saas' || !c.requirementsTemplate?.some((f) => f.type === 'file');
const fileFieldForSaas = { path: ['requirementsTemplate'], message: fieldMessage(msg('field.noFileFieldForSaas')) };

export const createProductBody = z
  .object({
    ...contentFields,
    delivery: contentFields.delivery.default('manual'),
    requirementsTemplate: contentFields.requirementsTemplate.default([]),
    requirementsBeforeStart: contentFields.requirementsBeforeStart.default(false),
  })
  .refine(deliveryFits, deliveryMismatch)
  .refine(formFitsDelivery, fileFieldForSaas);

/**
 * 修改 sends any subset: a delivery and a service type sent together are checked here; one sent alone is
 * checked against the stored other by the edit's own condition (lib/products/repository.ts).
 */
export const editProductBody = z
  .object(contentFields)
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: fieldMessage(msg('field.someChange')) })
  .refine(deliveryFits, deliveryMismatch)
  .refine(formFitsDelivery, fileFieldForSaas);

/** Stored content: plans always carry their planId. */
export const contentSchema = z.object({
  ...contentFields,
  // content stored before deliveries existed is manual
  delivery: contentFields.delivery.default('manual'),
  plans: z.array(z.object({ ...planSchema.shape, planId: z.string() })),
});

export type ProductContent = z.infer<typeof contentSchema>;
export type ContentInput = z.infer<typeof createProductBody>;
export type ContentPatch = z.infer<typeof editProductBody>;

export const productIdParams = z.object({ productId: z.string().regex(ID_PATTERN, fieldMessage(msg('field.notProductId'))) });

export const reviewDecisionBody = z.object({
  /** The version the operator reviewed: a product changed since answers 409, so nothing is approved unseen. */
  version: z.number().int().positive(),
});

export const rejectBody = reviewDecisionBody.extend({ reason: text(500) });

export const providerProductsQuery = z.object({
  ...pageParams,
  serviceType: z.enum(SERVICE_TYPES).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
});

export const catalogQuery = z.object({ ...pageParams, serviceType: z.enum(SERVICE_TYPES).optional() });
export const reviewQueueQuery = z.object(pageParams);

export const LISTINGS = ['unlisted', 'listed', 'delisted'] as const;
export const REVIEWS = ['none', 'draft', 'in_review', 'rejected'] as const;

export const reviewRecordSchema = z.object({
  /** `delisted`: a platform takedown (违规下架), with its reason. */
  decision: z.enum(['approved', 'rejected', 'delisted']),
  reason: z.string().optional(),
  operatorId: z.string(),
  /** The deciding operator's display name at decision time; absent on records stored before names were kept. */
  operatorName: z.string().optional(),
  version: z.number().optional(),
  at: z.string(),
});

/** A review record as answered: the reviewer's name, or null where none was kept (the console says 运营 / Operator). */
export const reviewRecordView = reviewRecordSchema.extend({
  operatorName: z.string().nullable().meta({ description: 'the deciding operator’s display name, or null on records kept before names were (shown as 运营 / Operator)' }),
});

/** A product item as stored, parsed at the repository edge. */
export const productItemSchema = z.object({
  productId: z.string(),
  providerId: z.string(),
  /** The organisation's name, copied at creation and on every edit (spec 2.1: names, not ids). */
  providerName: z.string().optional(),
  listing: z.enum(LISTINGS),
  review: z.enum(REVIEWS),
  reviewReason: z.string().optional(),
  version: z.number(),
  live: contentSchema.nullable(),
  draft: contentSchema,
  reviewHistory: z.array(reviewRecordSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().optional(),
  listedAt: z.string().optional(),
  /** The rating aggregate (spec 4.2), moved only in the transaction of the rating it counts. */
  ratingCount: z.number().optional(),
  ratingSum: z.number().optional(),
  /** Its organisation is suspended: out of the catalogue until reinstated, listing unchanged (docs/decisions.md). */
  suspended: z.literal(true).optional(),
  /** Changes whenever the live content does (approval), kept on the head: a purchase checks it is still the one it read. */
  liveRevision: z.string().optional(),
});

export type ProductItem = z.infer<typeof productItemSchema>;

// ---- The stored layout (docs/decisions.md, "Order and product items: head and body"): `ProductItem` is what
// the rules and views work on; the table keeps it as a head (in the indexes) and a body (in none).

/** The content fields a card (a list row) shows: everything but the long parts (description, requirements form). */
export const CARD_OMITS = ['description', 'requirementsTemplate'] as const;
/** A content's card: what the catalogue's cards and the product lists show of it. */
export const cardSchema = contentSchema.omit({ description: true, requirementsTemplate: true });
export type ProductCard = z.infer<typeof cardSchema>;
/** The card of a content. */
export const cardOf = (c: ProductContent): ProductCard => {
  const { description: _d, requirementsTemplate: _r, ...card } = c;
  return card;
};

/** A product's head: listing, review, parties, times, the aggregate and the cards of its live and draft content. */
export const productHeadSchema = productItemSchema.omit({ live: true, draft: true, reviewHistory: true }).extend({
  /** The live content's card, or null before the first approval. */
  liveCard: cardSchema.nullable(),
  /** The draft content's card (approval copies it to `liveCard` blind). */
  draftCard: cardSchema,
});
export type ProductHead = z.infer<typeof productHeadSchema>;

/** A product's body: its draft, its live content, its review history (in no index). */
export const productBodySchema = z.object({
  productId: z.string(),
  live: contentSchema.nullable(),
  draft: contentSchema,
  reviewHistory: z.array(reviewRecordSchema),
});
export type ProductBody = z.infer<typeof productBodySchema>;
export type Listing = (typeof LISTINGS)[number];
export type Review = (typeof REVIEWS)[number];
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

// ---- Views: what the API answers. The mappers in model.ts are typed by these, and the OpenAPI document
// is built from them, so the answer and its documentation cannot drift apart.

const productContentView = contentSchema.meta({ id: 'ProductContent' });

export const providerProductView = z
  .object({
    productId: z.string(),
    providerId: z.string(),
    providerName: z.string().nullable().meta({ description: 'the organisation’s name (copied at creation and on every edit), or null on products stored before' }),
    status: z.enum(PRODUCT_STATUSES),
    statusLabel: z.string().meta({ description: 'the status in Chinese, as the console shows it' }),
    version: z.number().int(),
    live: productContentView.nullable().meta({ description: 'the approved content buyers see, or null before the first approval' }),
    draft: productContentView.nullable().meta({ description: 'the content being edited or reviewed, or null' }),
    revision: z
      .object({ status: z.enum(['draft', 'in_review', 'rejected']), reason: z.string().optional() })
      .nullable()
      .meta({ description: 'a pending change of a listed product, or null' }),
    rejectionReason: z.string().optional(),
    reviewState: z.enum(REVIEWS),
    actions: z
      .array(z.enum(PROVIDER_PRODUCT_ACTIONS))
      .meta({ description: 'what the provider may do with the product now (修改, 提交审核, 撤销审核, 下架, 删除): the state machine’s answer, so a client offers only these' }),
    reviewHistory: z.array(reviewRecordView),
    submittedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProviderProduct' });
export type ProviderProductView = z.infer<typeof providerProductView>;

const productCardView = cardSchema.meta({ id: 'ProductCard' });

/**
 * A product's summary row, as the provider's list, the operator's search and the review queue answer it: the
 * product's head alone (docs/decisions.md, "Order and product items: head and body"): the cards of its live and
 * draft content (no description, no requirements form), no review history; the product's read has the whole.
 */
export const productRowView = providerProductView
  .omit({ live: true, draft: true, reviewHistory: true })
  .extend({
    live: productCardView.nullable().meta({ description: 'the approved content’s card (no description, no requirements form), or null before the first approval' }),
    draft: productCardView.nullable().meta({ description: 'the card of the content being edited or reviewed, or null' }),
  })
  .meta({ id: 'ProductRow' });
export type ProductRowView = z.infer<typeof productRowView>;

/** A listed product as buyers see it: the live content at the top level. */
export const catalogItemView = z
  .object({
    productId: z.string(),
    providerName: z.string().nullable().meta({ description: 'the selling organisation’s name (no user or organisation ids in public answers)' }),
    ...contentSchema.shape,
    listedAt: z.string().optional(),
    codesAvailable: z
      .record(z.string(), z.number().int())
      .optional()
      .meta({ description: '兑换码交付: the codes left per plan (exact: read with the product, taken in the purchase’s write)' }),
    rating: ratingSummaryView.meta({ description: '评价: the average and count of the product’s ratings' }),
  })
  .meta({ id: 'CatalogItem' });
export type CatalogItemView = z.infer<typeof catalogItemView>;

/**
 * A catalogue list item: the listing's summary without the long parts (description, requirements form),
 * so a page of 100 stays small whatever the products hold; the product page has the whole.
 */
export const catalogListItemView = catalogItemView
  .omit({ description: true, requirementsTemplate: true })
  .meta({ id: 'CatalogListItem' });
export type CatalogListItemView = z.infer<typeof catalogListItemView>;
