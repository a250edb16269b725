import type { components } from './schema';
/**
 * The answers' shapes the pages rely on (spec 7.1). Where the generated schema (docs/openapi.json →
 * schema.d.ts) has the type, it is aliased here; the rest are the pages' narrower views, to be replaced
 * by the generated ones as the pages move to the typed client.
 */
export type ServiceType = 'ops_service' | 'custom_dev' | 'software' | 'saas' | 'image' | 'api';
export const SERVICE_TYPES: ServiceType[] = ['ops_service', 'custom_dev', 'software', 'saas', 'image', 'api'];
export type ProductStatus = 'draft' | 'in_review' | 'rejected' | 'listed' | 'delisted';
export const PRODUCT_STATUSES: ProductStatus[] = ['draft', 'in_review', 'rejected', 'listed', 'delisted'];
export type PlanUnit = 'times' | 'day' | 'month' | 'year';
export type FieldType = 'text' | 'number' | 'boolean' | 'select' | 'file';

export interface Plan {
  planId?: string;
  name: string;
  duration: number;
  unit: PlanUnit;
  listPrice: number;
  price: number;
}

export interface RequirementField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options?: string[];
}

export interface ProductContent {
  name: string;
  serviceType: ServiceType;
  category: string;
  tags: string[];
  summary: string;
  description: string;
  logoUrl: string;
  deliveryDays: number;
  warrantyDays: number;
  plans: Plan[];
  requirementsTemplate: RequirementField[];
  requirementsBeforeStart: boolean;
}

export interface ReviewRecord {
  decision: 'approved' | 'rejected' | string;
  reason?: string;
  operatorId: string;
  version?: number;
  at: string;
}

export interface ProviderProduct {
  productId: string;
  providerId: string;
  status: ProductStatus;
  statusLabel?: string;
  version: number;
  live: ProductContent | null;
  draft: ProductContent | null;
  revision: { status: 'draft' | 'in_review' | 'rejected'; reason?: string } | null;
  rejectionReason?: string;
  reviewState?: 'none' | 'draft' | 'in_review' | 'rejected';
  reviewHistory: ReviewRecord[];
  submittedAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CatalogProduct = ProductContent & { productId: string; providerId: string; listedAt?: string };

export type OrderStatus = 'awaiting_start' | 'implementing' | 'awaiting_confirmation' | 'completed' | 'cancelled' | 'disputed';
export const ORDER_STATUSES: OrderStatus[] = ['awaiting_start', 'implementing', 'awaiting_confirmation', 'completed', 'cancelled', 'disputed'];

export interface Attachment {
  attachmentId: string;
  fileName?: string;
  contentType?: string;
  size?: number;
}

export interface TimelineEntry {
  entryId: string;
  action: string;
  actor: string;
  role: string;
  at: string;
  from: OrderStatus | null;
  to: OrderStatus | null;
  data?: Record<string, unknown> | null;
  labels?: { provider: string; buyer: string };
}

export interface Order {
  orderId: string;
  productId: string;
  planId: string;
  buyerId: string;
  providerId: string;
  status: OrderStatus;
  labels: { provider: string; buyer: string };
  product: { name: string; serviceType: ServiceType; plan: Plan; unitPrice?: number; requirementsTemplate?: RequirementField[]; requirementsBeforeStart?: boolean } & Record<string, unknown>;
  quantity: number;
  amount: number;
  requirements: { status: 'none' | 'submitted' | 'rejected' | 'accepted'; answers?: Record<string, unknown>; reason?: string; attachments?: Attachment[] };
  delivery?: { note: string; attachments?: Attachment[]; at?: string } | null;
  lastUrgedAt?: string | null;
  version: number;
  createdAt: string;
  completedAt: string | null;
  timeline?: TimelineEntry[];
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** An inbox notification, as the API document describes it. */
export type Notification = components['schemas']['Notification'];
