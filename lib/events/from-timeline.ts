import { z } from 'zod';
import type { OrderAction } from '../orders/schemas';
import type { ProductAction } from '../products/model';
import { domainEventSchema, type DomainEvent, type OrderEvent, type ProductEvent } from './contracts';

/**
 * Which event each timeline action is. One line per action, so each can move beside its command when the
 * commands declare their own events.
 */
export const ORDER_EVENT_OF: Record<OrderAction, OrderEvent['type']> = {
  create: 'order.created',
  'submit-requirements': 'order.requirements_submitted',
  'reject-requirements': 'order.requirements_rejected',
  start: 'order.status_changed',
  complete: 'order.status_changed',
  urge: 'order.confirmation_urged',
  confirm: 'order.status_changed',
  'reject-completion': 'order.status_changed',
  cancel: 'order.status_changed',
  appeal: 'order.status_changed',
  resolve: 'order.status_changed',
  remind: 'order.reminder_sent',
  'auto-confirm': 'order.status_changed',
  'auto-cancel': 'order.status_changed',
  message: 'order.message_posted',
};

export const PRODUCT_EVENT_OF: Record<Exclude<ProductAction, 'edit'>, ProductEvent['type']> = {
  submit: 'product.submitted',
  withdraw: 'product.withdrawn',
  approve: 'product.reviewed',
  reject: 'product.reviewed',
  delist: 'product.delisted',
  takedown: 'product.taken_down',
};

/** The versions the router publishes today (one per type; a new version is published beside the old one). */
const VERSION = 1;

const timelineImage = z.object({
  entity: z.enum(['order', 'product']),
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
