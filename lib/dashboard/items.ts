import { z } from 'zod';
import { defineItem } from '../db/item';
import { keys } from '../db/keys';

/** A timeline entry counted into a dashboard: its marker makes a redelivered entry count once. */
export const dashboardMarkItem = defineItem({
  name: 'dashboard mark',
  type: 'dashboard-mark',
  home: 'lib/dashboard/items.ts',
  description: 'The marker of an order timeline entry counted into its provider’s dashboard (counted once); TTL 30 days.',
  schema: z.object({ expiresAt: z.number() }),
  key: (m: { entryId: string }) => keys.dashboardMark(m.entryId),
  keyOnly: ['entryId'],
});

/** One day of a provider's dashboard: the counters of that day (`orders`, `completed`, `amount`…). */
export const dashboardDayItem = defineItem({
  name: 'dashboard day',
  type: 'dashboard-day',
  home: 'lib/dashboard/items.ts',
  description: 'A provider’s counters of one day (orders, completions, amounts, durations).',
  schema: z.object({ day: z.string() }).catchall(z.number()),
  key: (d: { providerId: string; day: string }) => ({ PK: keys.dashboard(d.providerId), SK: keys.dashboardDay(d.day) }),
  keyOnly: ['providerId'],
});

/** A provider's orders by status now (`s_<status>` counters). */
export const dashboardStatusItem = defineItem({
  name: 'dashboard status',
  type: 'dashboard-status',
  home: 'lib/dashboard/items.ts',
  description: 'A provider’s number of orders in each status now (`s_<status>`).',
  schema: z.object({}).catchall(z.number()),
  key: (d: { providerId: string }) => ({ PK: keys.dashboard(d.providerId), SK: keys.dashboardStatus }),
  keyOnly: ['providerId'],
});
