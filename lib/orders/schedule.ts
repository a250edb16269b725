import type { OrderRules } from './model';
import type { OrderItem, OrderStatus } from './schemas';

/** One thing a job does to an order at a moment: a reminder, or an automatic transition. */
export interface DueStep {
  at: number;
  action: 'remind' | 'auto-confirm' | 'auto-cancel';
  /** The reminder's key, unique per status entry (so a later stay in the status reminds again). */
  reminder?: string;
  /** Who a reminder is for. */
  recipient?: 'buyer' | 'provider';
}

/**
 * The platform's timeout rules for a status entered at `since` (spec section 4): a provider reminder and
 * auto-cancel while awaiting start; buyer reminders and auto-confirm while awaiting confirmation.
 */
export const scheduleFor = (status: OrderStatus, since: string, rules: OrderRules): DueStep[] => {
  const t = Date.parse(since);
  if (status === 'awaiting_start') {
    return [
      { at: t + rules.providerReminderMs, action: 'remind', reminder: `provider-start@${since}`, recipient: 'provider' },
      { at: t + rules.autoCancelMs, action: 'auto-cancel' },
    ];
  }
  if (status === 'awaiting_confirmation') {
    const reminders: DueStep[] = rules.buyerRemindersMs.map((ms, i) => ({
      at: t + ms,
      action: 'remind',
      reminder: `buyer-confirm-${i + 1}@${since}`,
      recipient: 'buyer',
    }));
    reminders.push({
      at: t + rules.autoConfirmMs - rules.buyerFinalReminderBeforeMs,
      action: 'remind',
      reminder: `buyer-confirm-final@${since}`,
      recipient: 'buyer',
    });
    const confirm: DueStep = { at: t + rules.autoConfirmMs, action: 'auto-confirm' };
    return [...reminders.filter((r) => r.at < confirm.at), confirm].sort(
      (a, b) => a.at - b.at,
    );
  }
  return [];
};

const pending = (o: Pick<OrderItem, 'status' | 'statusSince' | 'remindersSent'>, rules: OrderRules) =>
  scheduleFor(o.status, o.statusSince, rules).filter((s) => !s.reminder || !o.remindersSent.includes(s.reminder));

/** When a job next has something to do with the order, or undefined (then it leaves the due index). */
export const nextDueAt = (o: Pick<OrderItem, 'status' | 'statusSince' | 'remindersSent'>, rules: OrderRules): number | undefined =>
  pending(o, rules)[0]?.at;

/**
 * What a job does now: an automatic transition when one is due (reminders then are moot); otherwise the
 * latest due reminder, which also covers earlier ones missed while the job was not running.
 */
export const dueStep = (
  o: Pick<OrderItem, 'status' | 'statusSince' | 'remindersSent'>,
  now: Date,
  rules: OrderRules,
): { step: DueStep; covers: string[] } | undefined => {
  const due = pending(o, rules).filter((s) => s.at <= now.getTime());
  if (due.length === 0) return undefined;
  const automatic = due.find((s) => s.action !== 'remind');
  if (automatic) return { step: automatic, covers: [] };
  const latest = due[due.length - 1];
  return { step: latest, covers: due.map((s) => s.reminder!) };
};
