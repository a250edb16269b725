import { z } from 'zod';
import { MAX_PERIOD_DAYS } from './model';

const date = z.iso.date();
const DAY_MS = 24 * 60 * 60 * 1000;

/** GET /provider/dashboard: a period of calendar days (inclusive), at most 366; default the last 30 days. */
export const dashboardQuery = z
  .object({ from: date.optional(), to: date.optional() })
  .refine((q) => !(q.from && q.to) || q.from <= q.to, { path: ['to'], message: 'to must not be before from' })
  .refine((q) => !(q.from && q.to) || (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1 <= MAX_PERIOD_DAYS, {
    path: ['to'],
    message: `a period is at most ${MAX_PERIOD_DAYS} days`,
  });
export type DashboardQuery = z.infer<typeof dashboardQuery>;
