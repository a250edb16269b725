import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config';
import { dueStep, nextDueAt, scheduleFor } from '../../lib/orders/schedule';

const rules = loadConfig({ TABLE_NAME: 'unit', AUTH_ISSUER: 'https://issuer.example', AUTH_CLIENT_ID: 'c' }).orders;
const DAY = 24 * 3600 * 1000;
const since = '2026-03-01T00:00:00.000Z';
const t = Date.parse(since);

describe('order schedule (spec section 4 defaults)', () => {
  it('awaiting confirmation: buyer reminders at 1, 7 and 14 days, auto-confirm at 15', () => {
    expect(scheduleFor('awaiting_confirmation', since, rules).map((s) => [(s.at - t) / DAY, s.action, s.recipient])).toEqual([
      [1, 'remind', 'buyer'],
      [7, 'remind', 'buyer'],
      [14, 'remind', 'buyer'],
      [15, 'auto-confirm', undefined],
    ]);
  });

  it('awaiting start: provider reminder at 2 days, auto-cancel at 15', () => {
    expect(scheduleFor('awaiting_start', since, rules).map((s) => [(s.at - t) / DAY, s.action])).toEqual([
      [2, 'remind'],
      [15, 'auto-cancel'],
    ]);
  });

  it('has nothing due in any other status', () => {
    for (const status of ['implementing', 'completed', 'cancelled', 'disputed'] as const) {
      expect(nextDueAt({ status, statusSince: since, remindersSent: [] }, rules)).toBeUndefined();
    }
  });

  it('is due exactly at a threshold, not a millisecond before', () => {
    const o = { status: 'awaiting_start' as const, statusSince: since, remindersSent: [] };
    expect(dueStep(o, new Date(t + 2 * DAY - 1), rules)).toBeUndefined();
    expect(dueStep(o, new Date(t + 2 * DAY), rules)?.step.action).toBe('remind');
  });

  it('never reminds twice and always ends with the automatic step', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 * DAY }), { minLength: 1, maxLength: 30 }), (offsets) => {
        let o = { status: 'awaiting_confirmation' as const, statusSince: since, remindersSent: [] as string[] };
        const sent: string[] = [];
        let finished = false;
        for (const offset of [...offsets].sort((a, b) => a - b)) {
          const due = dueStep(o, new Date(t + offset), rules);
          if (!due || finished) continue;
          if (due.step.action === 'remind') {
            expect(sent).not.toContain(due.step.reminder);
            sent.push(...due.covers);
            o = { ...o, remindersSent: [...o.remindersSent, ...due.covers] };
          } else {
            expect(offset).toBeGreaterThanOrEqual(15 * DAY);
            finished = true;
          }
        }
        expect(new Set(sent).size).toBe(sent.length);
      }),
    );
  });
});
