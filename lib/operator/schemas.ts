import { z } from 'zod';
import { ORDER_STATUSES } from '../orders/schemas';
import { PRODUCT_STATUSES, SERVICE_TYPES } from '../products/schemas';
import { ID_PATTERN } from '../shared/ids';
import { pageParams } from '../shared/pagination';
import { fieldMessage, msg } from '../i18n';
import { instantRange, rangeInOrder } from '../shared/time-range';

/** A user id as Cognito issues it (`sub`): a UUID, or the local emulator's equivalent. */
const userId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, fieldMessage(msg('field.notUserId')));

// ---- Search by what operators know of an organisation or a person (docs/decisions.md): each resolved to ids
// by key conditions first
const email = z.string().trim().max(254).email();
/** The organisation named by a prefix of its name, its credit code or a member's email. */
const organisationFilters = {
  providerName: z.string().trim().min(1).max(50).optional(),
  creditCode: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{18}$/, fieldMessage(msg('field.creditCodeShape'))).optional(),
  providerEmail: email.optional(),
};

/** GET /operator/orders: every order; one principal filter narrows the Query (docs/decisions.md); the purchase-time range as /provider/orders takes it. */
export const operatorOrdersQuery = z
  .object({
    ...pageParams,
    status: z.enum(ORDER_STATUSES).optional(),
    orderId: z.string().regex(ID_PATTERN, fieldMessage(msg('field.notOrderId'))).optional(),
    providerId: userId.optional(),
    buyerId: userId.optional(),
    ...organisationFilters,
    buyerEmail: email.optional(),
    ...instantRange('created'),
  })
  .refine(...rangeInOrder('created', msg('field.createdOrder')));
export type OperatorOrdersQuery = z.infer<typeof operatorOrdersQuery>;

/** GET /operator/products: every product; filters status, providerId, serviceType. */
export const operatorProductsQuery = z.object({
  ...pageParams,
  status: z.enum(PRODUCT_STATUSES).optional(),
  providerId: userId.optional(),
  ...organisationFilters,
  serviceType: z.enum(SERVICE_TYPES).optional(),
});
export type OperatorProductsQuery = z.infer<typeof operatorProductsQuery>;

/** 违规下架: the reason is required; the provider reads it. */
export const takedownBody = z.object({ reason: z.string().trim().min(1).max(500) });
