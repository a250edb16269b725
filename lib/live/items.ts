import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';

/** TTL seconds (`expiresAt`), the table's time to live attribute. */
const ttl = z.number().int().positive();

/**
 * One open console connection, in its person's partition: an event's fan-out Queries the recipients'
 * partitions, never the connections of everyone. It lives as long as API Gateway keeps a connection (two
 * hours) and a little more; a connection that closes without `$disconnect` is removed when a push meets 410.
 */
export const connectionItem = defineItem({
  name: 'live connection',
  type: 'connection',
  home: 'lib/live/items.ts',
  description: 'An open console WebSocket connection of one person (its id, the token’s roles, when it opened); TTL past API Gateway’s two hours.',
  schema: z.object({ userId: z.string(), connectionId: z.string(), roles: z.array(z.string()), connectedAt: z.string(), expiresAt: ttl }),
  key: (c: { userId: string; connectionId: string }) => keys.connection(c.userId, c.connectionId),
});

/** Whose a connection is, by its id: `$disconnect` knows only the id. */
export const connectionOwnerItem = defineItem({
  name: 'live connection owner',
  type: 'connection-owner',
  home: 'lib/live/items.ts',
  description: 'The person a connection id belongs to (read and removed by `$disconnect` in one DeleteItem); same TTL as the connection.',
  schema: z.object({ userId: z.string(), expiresAt: ttl }),
  key: (c: { connectionId: string }) => keys.connectionOwner(c.connectionId),
  keyOnly: ['connectionId'],
});

/** One event pushed to one connection: written before the push, so a redelivered event pushes nothing twice. */
export const pushMarkItem = defineItem({
  name: 'live push mark',
  type: 'push-mark',
  home: 'lib/live/items.ts',
  description: 'An event already pushed to a connection (conditional put); TTL a day, as long as the bus redelivers.',
  schema: z.object({ expiresAt: ttl }),
  key: (m: { eventId: string; connectionId: string }) => keys.pushMark(m.eventId, m.connectionId),
  keyOnly: ['eventId', 'connectionId'],
});
