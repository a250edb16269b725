import type { components, paths } from './schema';
/**
 * The answers' shapes the pages rely on (spec 7.1), named from the generated schema (docs/openapi.json →
 * schema.d.ts, `npm run gen:api`), and the enumerations the filters offer.
 */
export type ServiceType = 'ops_service' | 'custom_dev' | 'software' | 'saas' | 'image' | 'api';
export const SERVICE_TYPES: ServiceType[] = ['ops_service', 'custom_dev', 'software', 'saas', 'image', 'api'];
export type ProductStatus = 'draft' | 'in_review' | 'rejected' | 'listed' | 'delisted';
export const PRODUCT_STATUSES: ProductStatus[] = ['draft', 'in_review', 'rejected', 'listed', 'delisted'];
export type PlanUnit = 'times' | 'day' | 'month' | 'year';
export type FieldType = 'text' | 'number' | 'boolean' | 'select' | 'file';

type Schemas = components['schemas'];

export type ProductContent = Schemas['ProductContent'];
export type Plan = ProductContent['plans'][number];
export type RequirementField = ProductContent['requirementsTemplate'][number];
/** What the product form sends (`POST /provider/products`): plan ids may be left to the API. */
export type ProductInput = NonNullable<paths['/provider/products']['post']['requestBody']>['content']['application/json'];
export type PlanInput = ProductInput['plans'][number];
/** The form's state: the input with its defaulted parts spelled out. */
export type ProductDraft = ProductInput & Required<Pick<ProductInput, 'requirementsTemplate' | 'requirementsBeforeStart'>>;
export type ProviderProduct = Schemas['ProviderProduct'];
export type ReviewRecord = ProviderProduct['reviewHistory'][number];
export type CatalogProduct = Schemas['CatalogItem'];

export type OrderStatus = 'awaiting_start' | 'implementing' | 'awaiting_confirmation' | 'completed' | 'cancelled' | 'disputed';
export const ORDER_STATUSES: OrderStatus[] = ['awaiting_start', 'implementing', 'awaiting_confirmation', 'completed', 'cancelled', 'disputed'];

export type Attachment = Schemas['Attachment'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type Order = Schemas['Order'];

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** An inbox notification, as the API document describes it. */
export type Notification = Schemas['Notification'];
