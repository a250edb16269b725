import { z } from 'zod';
import { MAX_PERIOD_DAYS } from './model';
import { fieldMessage, msg } from '../i18n';
import { calendarDay } from '../shared/time-range';

const DAY_MS = 24 * 60 * 60 * 1000;

/** GET /provider/dashboard: a period of calendar days (inclusive, 1970–9999), at most 366; default the last 30 days. */
export const dashboardQuery = z
  .object({ from: calendarDay.optional(), to: calendarDay.optional() })
  .refine((q) => !(q.from && q.to) || q.from <= q.to, { path: ['to'], message: fieldMessage(msg('field.toBeforeFrom')) })
  .refine((q) => !(q.from && q.to) || (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1 <= MAX_PERIOD_DAYS, {
    path: ['to'],
    message: fieldMessage(msg('field.periodTooLong', { days: MAX_PERIOD_DAYS })),
  });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

// ---- Views: what the API answers (the OpenAPI document is built from them).

const dayFigures = {
  orders: z.number().int(),
  revenue: z.number().int().meta({ description: 'fen, at purchase' }),
  refunds: z.number().int().meta({ description: 'fen, at cancellation' }),
  completed: z.number().int(),
  cancelled: z.number().int(),
  urges: z.number().int(),
  appeals: z.number().int(),
  rejectedCompletions: z.number().int(),
};

export const dashboardView = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string().meta({ description: 'the zone whose calendar days the figures are counted in' }),
    days: z.array(z.object({ date: z.string(), ...dayFigures })),
    totals: z.object(dayFigures),
    ordersByStatus: z.record(z.string(), z.number().int()).meta({ description: 'orders in each status now' }),
    averageHours: z.object({
      purchaseToStart: z.number().nullable().meta({ description: 'purchase → first 开始实施, over starts in the period' }),
      startToCompletion: z.number().nullable().meta({ description: 'first 开始实施 → 确认完成, over completions in the period' }),
    }),
  })
  .meta({ id: 'Dashboard' });
export type DashboardView = z.infer<typeof dashboardView>;
