import { ValidationError } from '../http/errors';
import type { OrderItem, OrderStatus, TimelineEntry } from '../orders/schemas';
import { orderCommands } from '../orders/commands';
import { ORDER_STATUSES } from '../orders/schemas';
import { msg } from '../i18n';
import { FIRST_DAY } from '../shared/time-range';

const maxDay = (a: string, b: string) => (a > b ? a : b);

/** Days of the dashboard are calendar days in this zone (the marketplace's; see docs/decisions.md). */
export const DASHBOARD_TIME_ZONE = 'Asia/Shanghai';
export const MAX_PERIOD_DAYS = 366;

/** What one day item counts; durations are summed in milliseconds with their counts, for the averages. */
export const DAY_COUNTERS = [
  'orders',
  'revenue',
  'refunds',
  'completed',
  'cancelled',
  'urges',
  'appeals',
  'rejectedCompletions',
  'startMs',
  'startCount',
  'completeMs',
  'completeCount',
] as const;
export type DayCounter = (typeof DAY_COUNTERS)[number];
export type DayCounts = Record<DayCounter, number>;

export interface DashboardDelta {
  providerId: string;
  day: string;
  counts: Partial<DayCounts>;
  /** Orders per status now: −1 for the status left, +1 for the one entered. */
  status: Partial<Record<OrderStatus, number>>;
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export const dayOf = (iso: string, tz = DASHBOARD_TIME_ZONE) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

const ms = (from: string | undefined, to: string) => (from ? Math.max(0, Date.parse(to) - Date.parse(from)) : undefined);

/**
 * What one order timeline entry adds to its provider's dashboard, or undefined when it counts nothing
 * (messages, reminders, requirements). Pure: the stream applies it once per entry.
 */
export const dashboardDelta = (entry: TimelineEntry, order: OrderItem): DashboardDelta | undefined => {
  const counts: Partial<DayCounts> = {};
  const add = (k: DayCounter, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  const completing = entry.to === 'completed' && entry.from !== 'completed';
  const cancelling = entry.to === 'cancelled' && entry.from !== 'cancelled';
  if (entry.action === 'create') {
    add('orders');
    // the purchase's own amount, as its entry recorded it: a renewal or plan change since is counted by its own entry
    add('revenue', typeof entry.data.amount === 'number' ? entry.data.amount : order.amount);
  } else {
    // what the command itself counts (urges, appeals, first starts, …), from its declaration
    for (const [k, n] of Object.entries(orderCommands[entry.action].dashboard?.(entry, order) ?? {})) add(k as DayCounter, n);
  }
  if (completing) {
    add('completed');
    const d = ms(order.startedAt, entry.at);
    if (d !== undefined) {
      add('completeMs', d);
      add('completeCount');
    }
  }
  if (cancelling) {
    add('cancelled');
    add('refunds', order.amount);
  }
  const status: DashboardDelta['status'] = {};
  if (entry.from !== entry.to) {
    if (entry.from) status[entry.from] = -1;
    status[entry.to] = 1;
  }
  if (!Object.keys(counts).length && !Object.keys(status).length) return undefined;
  return { providerId: order.providerId, day: dayOf(entry.at), counts, status };
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every date from `from` to `to` inclusive (YYYY-MM-DD). */
export const datesBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

const zero = (): DayCounts => Object.fromEntries(DAY_COUNTERS.map((k) => [k, 0])) as DayCounts;

const hours = (sumMs: number, count: number) => (count ? Math.round((sumMs / count / 3_600_000) * 10) / 10 : null);

/** The dashboard answer from the day items of a period and the status counts. */
export const toDashboardView = (from: string, to: string, dayItems: Partial<DayCounts & { day: string }>[], statusItem: Record<string, unknown> | undefined) => {
  const byDay = new Map(dayItems.map((d) => [d.day, d]));
  const totals = zero();
  const days = datesBetween(from, to).map((date) => {
    const item = byDay.get(date) ?? {};
    const c = zero();
    for (const k of DAY_COUNTERS) {
      c[k] = Number(item[k] ?? 0);
      totals[k] += c[k];
    }
    return {
      date,
      orders: c.orders,
      revenue: c.revenue,
      refunds: c.refunds,
      completed: c.completed,
      cancelled: c.cancelled,
      urges: c.urges,
      appeals: c.appeals,
      rejectedCompletions: c.rejectedCompletions,
    };
  });
  return {
    from,
    to,
    timeZone: DASHBOARD_TIME_ZONE,
    days,
    totals: {
      orders: totals.orders,
      revenue: totals.revenue,
      refunds: totals.refunds,
      completed: totals.completed,
      cancelled: totals.cancelled,
      urges: totals.urges,
      appeals: totals.appeals,
      rejectedCompletions: totals.rejectedCompletions,
    },
    ordersByStatus: Object.fromEntries(ORDER_STATUSES.map((s) => [s, Math.max(0, Number(statusItem?.[`s_${s}`] ?? 0))])),
    averageHours: {
      purchaseToStart: hours(totals.startMs, totals.startCount),
      startToCompletion: hours(totals.completeMs, totals.completeCount),
    },
  };
};

/** The period asked for: `to` defaults to today (in the dashboard's zone), `from` to 29 days before `to` (not before 1970-01-01). */
export const periodOf = (q: { from?: string; to?: string }, now: Date) => {
  const to = q.to ?? dayOf(now.toISOString());
  // the default period stops at the first day a key can hold
  const from = q.from ?? maxDay(FIRST_DAY, new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10));
  if (from > to) throw new ValidationError([{ path: 'from', message: msg('field.fromAfterTo') }]);
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_PERIOD_DAYS) {
    throw new ValidationError([{ path: 'to', message: msg('field.periodTooLong', { days: MAX_PERIOD_DAYS }) }]);
  }
  return { from, to };
};
