import type { components, paths } from './schema';

/**
 * Names for the answers' shapes, every one taken from the generated schema (docs/openapi.json →
 * schema.d.ts, `npm run gen:api`): nothing here declares a shape of its own. The enumerations are the
 * schema's unions; their value lists are checked against them, so a value the API adds or drops fails
 * the type check until the list follows.
 */
type Schemas = components['schemas'];
type JsonBody<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** The JSON body a route takes, e.g. `BodyOf<'/orders/{orderId}/cancel', 'post'>`. */
export type BodyOf<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = JsonBody<paths[P][M]>;

export type ProviderProduct = Schemas['ProviderProduct'];
/** A row of a product list (the provider's, the operator's search, the review queue): the product's head, its content's cards. */
export type ProductRow = Schemas['ProductRow'];
export type ProductContent = Schemas['ProductContent'];
export type Plan = ProductContent['plans'][number];
export type RequirementField = ProductContent['requirementsTemplate'][number];
export type ReviewRecord = ProviderProduct['reviewHistory'][number];
/** What the product form sends (`POST /provider/products`): plan ids may be left to the API. */
export type ProductInput = JsonBody<paths['/provider/products']['post']>;
export type PlanInput = ProductInput['plans'][number];
/** The form's state: the input with its defaulted parts spelled out. */
export type ProductDraft = ProductInput & Required<Pick<ProductInput, 'requirementsTemplate' | 'requirementsBeforeStart'>>;
export type CatalogItem = Schemas['CatalogItem'];
export type CatalogListItem = Schemas['CatalogListItem'];
export type RatingSummary = Schemas['RatingSummary'];

export type Order = Schemas['Order'];
/** A row of an order list: what the lists show, from the order's head. */
export type OrderSummary = Schemas['OrderSummary'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type Attachment = Schemas['Attachment'];
export type Review = Schemas['Review'];
/** `PUT /orders/{orderId}/requirements`: the buyer's answers. */
export type RequirementAnswers = JsonBody<paths['/orders/{orderId}/requirements']['put']>['answers'];
export type RequirementAnswer = RequirementAnswers[string];

export type Notification = Schemas['Notification'];
export type Dashboard = Schemas['Dashboard'];
export type Webhook = Schemas['Webhook'];
export type Delivery = Schemas['Delivery'];
export type Problem = Schemas['Problem'];
// SaaS 接入
export type SaasEndpoint = Schemas['SaasEndpoint'];
export type SaasDebugResult = Schemas['SaasDebugResult'];
export type SaasCall = Schemas['SaasCall'];
export type SaasAction = SaasDebugResult['action'];

export type ProductStatus = ProviderProduct['status'];
export type ReviewDecision = ReviewRecord['decision'];
export type ServiceType = ProductContent['serviceType'];
/** 交付方式 (`Delivery` names a webhook delivery here). */
export type DeliveryType = ProductContent['delivery'];
export type PlanUnit = Plan['unit'];
export type FieldType = RequirementField['type'];
export type OrderStatus = Order['status'];
export type RequirementsStatus = Order['requirements']['status'];
export type ResolutionOutcome = NonNullable<Order['resolution']>['outcome'];
export type AttachmentType = Attachment['contentType'];
export type DeliveryStatus = Delivery['status'];

/** `[Exclude<…>] extends [never]`: every member of the union is listed (a missing one is named in the error). */
type Complete<T, A extends readonly T[]> = [Exclude<T, A[number]>] extends [never] ? unknown : { missing: Exclude<T, A[number]> };

/** Every value of a schema enumeration, in the order given: no value outside it, none of it left out. */
export const valuesOf =
  <T extends string>() =>
  <const A extends readonly T[]>(values: A & Complete<T, A>): readonly T[] =>
    values;

/** A value from a control (a select, a radio group) as one of an enumeration's values, or not. */
export const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => values.some((v) => v === value);

export const SERVICE_TYPES = valuesOf<ServiceType>()(['ops_service', 'custom_dev', 'software', 'saas', 'image', 'api']);
export const DELIVERY_TYPES = valuesOf<DeliveryType>()(['manual', 'saas', 'code']);
export const PRODUCT_STATUSES = valuesOf<ProductStatus>()(['draft', 'in_review', 'rejected', 'listed', 'delisted']);
export const PLAN_UNITS = valuesOf<PlanUnit>()(['times', 'day', 'month', 'year']);
export const FIELD_TYPES = valuesOf<FieldType>()(['text', 'number', 'boolean', 'select', 'file']);
export const ORDER_STATUSES = valuesOf<OrderStatus>()([
  'awaiting_start',
  'implementing',
  'awaiting_confirmation',
  'completed',
  'cancelled',
  'disputed',
  'provisioning',
  'active',
  'expired',
  'destroyed',
  'delivered',
]);
export const RESOLUTION_OUTCOMES = valuesOf<ResolutionOutcome>()(['completed', 'cancelled', 'implementing']);
export const ATTACHMENT_TYPES = valuesOf<AttachmentType>()([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

// Organisations, people and applications (spec 2.1).
export type Me = Schemas['Me'];
export type ProfileInput = JsonBody<paths['/me']['put']>;
export type MemberRole = Me['organisations'][number]['role'];
export type Locale = Me['locale'];
export type EmailKind = ProfileInput['emailPreferences'][number];
export type OperatorOrganisation = Schemas['OperatorOrganisation'];
/** A member of the organisation (`GET /provider/members`) and a pending invitation (the token is in the email only). */
export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
/** The membership an accepted invitation gives. */
export type Membership = Schemas['Membership'];
export type Application = Schemas['ProviderApplication'];
export type ApplicationStatus = Application['status'];
export type ApplicationInput = JsonBody<paths['/provider-applications']['post']>;
export type LicenceType = Application['licence']['contentType'];
export const APPLICATION_STATUSES = valuesOf<ApplicationStatus>()(['pending', 'approved', 'rejected', 'withdrawn']);
export const LICENCE_TYPES = valuesOf<LicenceType>()(['application/pdf', 'image/png', 'image/jpeg']);
export const MEMBER_ROLES = valuesOf<MemberRole>()(['admin', 'products', 'delivery', 'finance', 'support']);
export const LOCALES = valuesOf<Locale>()(['zh-CN', 'en-US']);
/** The notification kinds a person may also receive by email: an order's steps, a product review's outcomes, the organisation's suspension. */
export const EMAIL_KINDS = valuesOf<EmailKind>()([
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
  'submitted',
  'approved',
  'rejected',
  'taken-down',
  'suspend',
  'reinstate',
  'low-stock',
]);

// Redemption codes (兑换码): a plan's stock, one code as the provider sees it (masked), an upload's answer
export type PlanCodeStock = Schemas['PlanCodeStock'];
export type RedemptionCode = Schemas['RedemptionCode'];
export type CodesUploaded = Schemas['CodesUploaded'];
