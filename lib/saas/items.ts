import { defineItem } from '../db/item';
import { keys } from '../db/keys';
import { saasCallItemSchema, saasEndpointItemSchema } from './schemas';

/** An organisation's SaaS endpoint: its URL, its sealed token and the 接口调试 passes of the saved version. */
export const saasEndpointItem = defineItem({
  name: 'SaaS endpoint',
  type: 'saasEndpoint',
  home: 'lib/saas/items.ts',
  description: 'An organisation’s SaaS 接入 endpoint: URL, token sealed (lib/shared/secret-box.ts), the actions that passed 接口调试.',
  schema: saasEndpointItemSchema,
  key: (e: { providerId: string }) => keys.saasEndpoint(e.providerId),
});

/** One call of the SaaS protocol (one eventId) with its latest outcome: the provider's call log. */
export const saasCallItem = defineItem({
  name: 'SaaS call',
  type: 'saasCall',
  home: 'lib/saas/items.ts',
  description: 'One SaaS protocol call (its eventId) to an organisation’s endpoint: request, latest answer, latency, attempts.',
  schema: saasCallItemSchema,
  key: (c: { providerId: string; callId: string }) => keys.saasCall(c.providerId, c.callId),
  // every attempt's update may be creating the call: it writes its whole row, and the two values it cannot
  // know (the count of attempts, the first attempt's time) are projected by name
  listed: ['callId', 'providerId', 'action', 'orderId', 'url', 'request', 'status', 'httpStatus', 'latencyMs', 'signId', 'answer', 'error', 'updatedAt'],
  projected: ['attempts', 'createdAt'],
  indexes: {
    GSI1: {
      pk: { uses: ['providerId'], build: (c) => keys.providerSaasCalls(c.providerId) },
      sk: { uses: ['createdAt', 'callId'], build: (c) => keys.sortByTime(c.createdAt, c.callId) },
      serves: ['an organisation’s SaaS calls, newest first (`GET /provider/saas-calls`)'],
    },
  },
});
