import { z } from 'zod';
import { orderCommands, type OrderCommand } from '../orders/commands';
import type { OrderEventType } from '../orders/commands/command';
import type { OrderAction } from '../orders/schemas';
import type { ProductAction } from '../products/model';
import { domainEventSchema, type DomainEvent, type OrderEvent, type ProductEvent, type ProviderEvent } from './contracts';

/**
 * Which event each order timeline action is: what its command declares (lib/orders/commands), and the
 * purchase, which is no command.
 */
export const ORDER_EVENT_OF: Record<OrderAction, OrderEvent['type']> = {
  create: 'order.created',
  ...(Object.fromEntries(Object.entries(orderCommands).map(([action, command]) => [action, command.event])) as Record<OrderCommand, OrderEventType>),
};

// every event a command declares has a contract here
type Undeclared = Exclude<OrderEventType, OrderEvent['type']>;
const everyDeclaredEventHasAContract: [Undeclared] extends [never] ? true : Undeclared = true;
void everyDeclaredEventHasAContract;

/** Which event each product timeline action is. */
export const PRODUCT_EVENT_OF: Record<Exclude<ProductAction, 'edit'>, ProductEvent['type']> = {
  submit: 'product.submitted',
  withdraw: 'product.withdrawn',
  approve: 'product.reviewed',
  reject: 'product.reviewed',
  delist: 'product.delisted',
  takedown: 'product.taken_down',
};

/** Which event each organisation timeline action is (suspension). */
export const ORGANISATION_EVENT_OF: Record<string, ProviderEvent['type'] | undefined> = {
  suspend: 'provider.suspended',
  reinstate: 'provider.reinstated',
};

/** The versions the router publishes today (one per type; a new version is published beside the old one). */
const VERSION = 1;

const timelineImage = z.object({
  entity: z.enum(['order', 'product', 'organisation', 'application']),
  entryId: z.string(),
  action: z.string(),
  role: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
});

/**
 * The domain event a new timeline entry is: its id is the entry's, so the same stream record always makes the
 * same event. Throws when the entry does not make a valid event (the router reports that record).
 */
export const eventOfTimelineEntry = (image: Record<string, unknown>): DomainEvent => {
  const entry = timelineImage.parse(image);
  const base = { id: entry.entryId, version: VERSION, occurredAt: entry.at };
  if (entry.entity === 'order') {
    const type = ORDER_EVENT_OF[entry.action as OrderAction];
    if (!type) throw new Error(`timeline entry ${entry.entryId}: no event for order action "${entry.action}"`);
    return domainEventSchema.parse({
      ...base,
      type,
      data: {
        orderId: image.orderId,
        action: entry.action,
        role: entry.role,
        from: image.from ?? null,
        to: image.to,
        ...(image.version !== undefined ? { orderVersion: image.version } : {}),
        detail: entry.data,
      },
    });
  }
  if (entry.entity === 'application') {
    // an operator's decision on a provider application (lib/providers/applications)
    if (entry.action !== 'approve' && entry.action !== 'reject') throw new Error(`timeline entry ${entry.entryId}: no event for application action "${entry.action}"`);
    const { applicantId, companyName, providerId, ...detail } = entry.data;
    return domainEventSchema.parse({
      ...base,
      type: 'provider.application_decided',
      data: {
        applicationId: image.applicationId,
        action: entry.action,
        role: entry.role,
        decision: entry.action === 'approve' ? 'approved' : 'rejected',
        applicantId,
        companyName,
        ...(providerId !== undefined ? { providerId } : {}),
        detail,
      },
    });
  }
  if (entry.entity === 'organisation') {
    const type = ORGANISATION_EVENT_OF[entry.action];
    if (!type) throw new Error(`timeline entry ${entry.entryId}: no event for organisation action "${entry.action}"`);
    return domainEventSchema.parse({ ...base, type, data: { providerId: image.providerId, action: entry.action, role: entry.role, detail: entry.data } });
  }
  const type = PRODUCT_EVENT_OF[entry.action as Exclude<ProductAction, 'edit'>];
  if (!type) throw new Error(`timeline entry ${entry.entryId}: no event for product action "${entry.action}"`);
  return domainEventSchema.parse({
    ...base,
    type,
    data: {
      productId: image.productId,
      action: entry.action,
      role: entry.role,
      detail: entry.data,
      ...(type === 'product.reviewed' ? { decision: entry.action === 'approve' ? 'approved' : 'rejected' } : {}),
    },
  });
};
