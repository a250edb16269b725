import type { Role } from '../http/auth';
import type { OrderCommand } from '../orders/model';
import type { OrderStatus } from '../orders/schemas';
import type { ProductAction } from '../products/model';
import type { ProductStatus } from '../products/schemas';
import type { DELIVERY_STATUSES } from '../webhooks/schemas';

/** The languages the API speaks. */
export type Language = 'zh' | 'en';

/** What a 404 names. */
export type Thing = 'product' | 'order' | 'rating' | 'notification' | 'delivery' | 'webhook' | 'resource' | 'attachment' | 'saasEndpoint' | 'saasCall'
  // members, invitations and suspension
  | 'member' | 'invitation' | 'organisation'
  // provider applications (入驻)
  | 'application';

/** The actions a 409 INVALID_STATE names: every order and product command, rating and attaching. */
export type ActionName = OrderCommand | ProductAction | 'rate' | 'add-attachment';

/** The statuses a 409 INVALID_STATE names (an order's or a product's). */
export type StatusName = OrderStatus | ProductStatus;

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The counted actions of the per-user rate limits. */
export type RateName = 'orders' | 'products' | 'messages' | 'uploads' | 'webhook-sends' | 'invitations';

export type { Role };

/** A requirement field's scalar types, as a field message names them. */
export type ScalarType = 'text' | 'number' | 'boolean';
