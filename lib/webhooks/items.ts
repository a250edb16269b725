import { defineItem } from '../db/item';
import { keys } from '../db/keys';
import { deliveryItemSchema, webhookItemSchema } from './schemas';

/** A provider's webhook endpoint and its sealed signing secret. */
export const webhookItem = defineItem({
  name: 'webhook endpoint',
  type: 'webhook',
  home: 'lib/webhooks/items.ts',
  description: 'A provider’s webhook endpoint and its signing secret, sealed (lib/shared/secret-box.ts).',
  schema: webhookItemSchema,
  key: (w: { providerId: string }) => keys.webhook(w.providerId),
});

/** One event's delivery to a provider's endpoint, with its attempts. */
export const deliveryItem = defineItem({
  name: 'delivery',
  type: 'delivery',
  home: 'lib/webhooks/items.ts',
  description: 'One event’s delivery to a provider’s endpoint, with every attempt.',
  schema: deliveryItemSchema,
  key: (d: { deliveryId: string }) => keys.delivery(d.deliveryId),
  // the attempts, appended one by one, are projected by name (the SaaS call log projects its count of attempts
  // under the same name in GSI1), not copied into the row
  projected: ['attempts'],
  indexes: {
    GSI1: {
      pk: { uses: ['providerId'], build: (d) => keys.providerDeliveries(d.providerId) },
      sk: { uses: ['createdAt', 'deliveryId'], build: (d) => keys.sortByTime(d.createdAt, d.deliveryId) },
      serves: ['a provider’s deliveries, newest first (`GET /provider/webhook/deliveries`)'],
    },
    GSI4: {
      when: { uses: ['status'], test: (d) => d.status === 'pending', doc: 'while pending' },
      pk: { uses: ['deliveryId'], build: (d) => keys.retryShard(d.deliveryId), doc: 'RETRY#<shard of deliveryId>' },
      sk: {
        uses: ['nextAttemptAt', 'deliveryId'],
        build: (d) => keys.sortByTime(d.nextAttemptAt ?? d.createdAt, d.deliveryId),
        doc: '<nextAttemptAt>#<deliveryId>',
      },
      serves: ['deliveries due for an attempt, by shard (the webhook sender)'],
    },
    GSI8: {
      pk: { uses: ['providerId', 'status'], build: (d) => keys.deliveriesByStatus(d.providerId, d.status) },
      sk: { uses: ['createdAt', 'deliveryId'], build: (d) => keys.sortByTime(d.createdAt, d.deliveryId) },
      serves: ['a provider’s deliveries in one status (`GET /provider/webhook/deliveries?status=`)'],
    },
  },
});
