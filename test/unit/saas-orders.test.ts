import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config';
import { applyCommand, refusalOf } from '../../lib/orders/model';
import { addPeriods, backoffMs, firstExpiry, instanceFrom, periodsLeft, planChangeDifference, saasDueAt, saasStep } from '../../lib/orders/saas';
import { saasOrderOf } from '../support/order-fixtures';
import { dashboardDelta } from '../../lib/dashboard/model';
import { orderMessage } from '../../lib/notifications/messages';

const rules = loadConfig({ TABLE_NAME: 'unit', AUTH_ISSUER: 'https://issuer.example', AUTH_CLIENT_ID: 'c' }).orders;
const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const system = { id: 'system', role: 'system' as const };
const buyer = { id: 'buyer-1', role: 'buyer' as const };
const provisioning = () => saasOrderOf({ status: 'provisioning', instance: undefined });
const result = (over: Record<string, unknown> = {}) => ({ eventId: 'evt-1', call: 'createInstance' as const, attempt: 0, ok: true, status: 200, latencyMs: 40, ...over });

describe('SaaS order rules', () => {
  it('counts the expiry from payment by the plan, in calendar months and years; a times plan never expires', () => {
    expect(addPeriods('2026-01-31T10:00:00.000Z', { duration: 1, unit: 'day' }, 3)).toBe('2026-02-03T10:00:00.000Z');
    expect(addPeriods('2026-01-15T00:00:00.000Z', { duration: 1, unit: 'month' }, 2)).toBe('2026-03-15T00:00:00.000Z');
    expect(addPeriods('2026-01-15T00:00:00.000Z', { duration: 2, unit: 'year' }, 1)).toBe('2028-01-15T00:00:00.000Z');
    expect(addPeriods('2026-01-15T00:00:00.000Z', { duration: 5, unit: 'times' }, 1)).toBeNull();
    expect(firstExpiry(saasOrderOf({ quantity: 3 }))).toBe('2026-04-01T00:00:00.000Z');
  });

  it('backs off from 30 s, doubling, at most an hour', () => {
    expect([0, 1, 2, 3].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(50)).toBe(3600_000);
  });

  it('provisions on a real signId and keeps asking on "0" or a failure, with the same eventId, after a backoff', () => {
    const o = provisioning();
    const again = applyCommand(o, { action: 'saas-call', result: result({ signId: '0' }) }, system, at(0));
    expect(again.status).toBe('provisioning');
    expect(again.saas!.calls).toEqual([expect.objectContaining({ eventId: 'evt-1', action: 'createInstance', attempt: 1, nextAt: at(30_000).toISOString() })]);
    const failed = applyCommand(again, { action: 'saas-call', result: result({ ok: false, status: 500, attempt: 1 }) }, system, at(30_000));
    expect(failed.saas!.calls[0]).toMatchObject({ eventId: 'evt-1', attempt: 2, nextAt: at(90_000).toISOString() });
    const instance = { signId: 'sign-9', website: 'https://app.example', authUrl: 'https://app.example/login', additionalInfo: [] };
    const active = applyCommand(failed, { action: 'provision', result: result({ signId: 'sign-9', attempt: 2 }), instance }, system, at(90_000));
    expect(active).toMatchObject({ status: 'active', instance: { ...instance, expiresAt: '2026-02-01T00:00:00.000Z' } });
    expect(active.saas!.calls).toEqual([]);
  });

  it('reads createInstance’s answer leniently: "0", no signId or not an object provisions nothing', () => {
    expect(instanceFrom({ signId: '0' }, null)).toBeUndefined();
    expect(instanceFrom('oops', null)).toBeUndefined();
    expect(instanceFrom({ signId: 42, appInfo: { website: 'https://w' }, additionalInfo: [{ name: 'a', value: 'b' }] }, null)).toEqual({
      signId: '42',
      website: 'https://w',
      authUrl: null,
      additionalInfo: [{ name: 'a', value: 'b' }],
      expiresAt: null,
    });
  });

  it('is due at the head call, the give-up while provisioning, the expiry while active, destruction 7 days after expiry', () => {
    const o = provisioning();
    expect(saasDueAt(o, rules)).toBe(T0);
    const waiting = { ...o, saas: { ...o.saas!, calls: [{ ...o.saas!.calls[0], nextAt: at(2 * DAY).toISOString() }] } };
    expect(saasDueAt(waiting, rules)).toBe(T0 + DAY);
    expect(saasStep(waiting, at(DAY), rules)).toEqual({ kind: 'give-up' });
    const active = saasOrderOf({ saas: { ...o.saas!, calls: [] } });
    expect(saasDueAt(active, rules)).toBe(Date.parse('2026-02-01T00:00:00.000Z'));
    expect(saasStep(active, at(30 * DAY), rules)).toBeUndefined();
    expect(saasStep(active, at(31 * DAY), rules)).toEqual({ kind: 'expire' });
    const expired = applyCommand(active, { action: 'expire' }, system, at(31 * DAY));
    expect(expired.status).toBe('expired');
    expect(expired.saas!.calls.map((c) => [c.action, c.body])).toEqual([['expireInstance', { signId: 'sign-1' }]]);
    const sent = { ...expired, saas: { ...expired.saas!, calls: [] } };
    expect(saasDueAt(sent, rules)).toBe(T0 + 38 * DAY);
    expect(refusalOf(sent, 'destroy', 'system', at(38 * DAY - 1), rules)).toEqual({ kind: 'not-due' });
    expect(saasStep(sent, at(38 * DAY), rules)).toEqual({ kind: 'destroy' });
  });

  it('renews from the later of the expiry and now, and back to active after expiry; the amount grows by the periods', () => {
    const active = saasOrderOf();
    const renewed = applyCommand(active, { action: 'renew', periods: 2 }, buyer, at(DAY));
    expect(renewed).toMatchObject({ status: 'active', amount: 9_900 * 3, instance: { expiresAt: '2026-04-01T00:00:00.000Z' } });
    expect(renewed.saas!.calls.at(-1)).toMatchObject({ action: 'renewInstance', body: { signId: 'sign-1', instanceExpireTime: '2026-04-01T00:00:00.000Z' } });
    const expired = applyCommand(active, { action: 'expire' }, system, at(31 * DAY));
    const back = applyCommand(expired, { action: 'renew', periods: 1 }, buyer, at(33 * DAY));
    expect(back).toMatchObject({ status: 'active', instance: { expiresAt: '2026-03-03T00:00:00.000Z' } });
    expect(back.saas!.expiredAt).toBeUndefined();
  });

  it('changes to another plan of the same unit and queues modifyInstance; the same plan is refused', () => {
    const o = saasOrderOf();
    const changed = applyCommand(o, { action: 'change-plan', planId: 'pro' }, buyer, at(DAY));
    expect(changed).toMatchObject({ status: 'active', planId: 'pro', product: { plan: { planId: 'pro' }, unitPrice: 29_900 } });
    expect(changed.saas!.calls.at(-1)).toMatchObject({ action: 'modifyInstance', body: { spec: '专业版', timeSpan: 1, timeUnit: 'month', signId: 'sign-1' } });
  });

  it('counts the periods left back from the expiry in the calendar, the started one by time', () => {
    const month = { duration: 1, unit: 'month' };
    expect(periodsLeft('2026-04-01T00:00:00.000Z', '2026-01-16T00:00:00.000Z', month)).toBeCloseTo(2 + 16 / 31, 12);
    expect(periodsLeft('2026-02-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', month)).toBe(1);
    expect(periodsLeft('2026-02-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', { duration: 1, unit: 'day' })).toBe(30);
    expect(periodsLeft('2026-02-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', { duration: 3, unit: 'day' })).toBe(10);
    expect(periodsLeft('2027-01-01T00:00:00.000Z', '2026-07-02T12:00:00.000Z', { duration: 1, unit: 'year' })).toBeCloseTo(182.5 / 365, 12);
    expect(periodsLeft('2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', month)).toBe(0);
    expect(periodsLeft('2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', month)).toBe(0);
  });

  it('settles the plan change pro rata for the time left: an upgrade pays the difference, a downgrade is refunded it', () => {
    const o = saasOrderOf();
    // 30 of the month's 31 days left: (29,900 − 9,900) × 30/31 = 19,354.8… → 19,355 fen
    expect(planChangeDifference(o, { duration: 1, unit: 'month', price: 29_900 }, at(DAY).toISOString())).toBe(19_355);
    const up = applyCommand(o, { action: 'change-plan', planId: 'pro' }, buyer, at(DAY));
    expect(up.amount).toBe(9_900 + 19_355);
    // 16 days left: (9,900 − 29,900) × 16/31 = −10,322.5… → −10,323 fen, refunded
    const down = applyCommand(up, { action: 'change-plan', planId: 'basic' }, buyer, at(15 * DAY));
    expect(down).toMatchObject({ planId: 'basic', product: { unitPrice: 9_900 }, amount: 9_900 + 19_355 - 10_323, instance: { expiresAt: '2026-02-01T00:00:00.000Z' } });
    // at the expiry nothing is left to settle; a plan that never expires differs by its price times the quantity
    expect(planChangeDifference(o, { duration: 1, unit: 'month', price: 29_900 }, '2026-02-01T00:00:00.000Z')).toBe(0);
    const times = saasOrderOf({ quantity: 3, instance: { ...o.instance!, expiresAt: null } });
    expect(planChangeDifference(times, { duration: 1, unit: 'times', price: 29_900 }, at(DAY).toISOString())).toBe(60_000);
    // the other party's notice names the plan and the difference
    const notice = (difference: number) => orderMessage('change-plan', { name: '云监控', id: 'O1', data: { planId: 'pro', planName: '专业版', difference } })!.body;
    expect(notice(19_355)).toEqual({ zh: '订单 O1「云监控」已变更为规格 专业版，补差价 ¥193.55。', en: 'Order O1 (“云监控”) moved to plan 专业版; difference paid ¥193.55.' });
    expect(notice(-10_323).zh).toBe('订单 O1「云监控」已变更为规格 专业版，退差价 ¥103.23。');
    expect(notice(0).zh).toBe('订单 O1「云监控」已变更为规格 专业版。');
    // a refund never exceeds what was paid
    expect(planChangeDifference({ ...times, amount: 100 }, { duration: 1, unit: 'times', price: 0 }, at(DAY).toISOString())).toBe(-100);
  });

  it('refunds within 5 days of the purchase only: destroyInstance queued, a pending createInstance dropped', () => {
    const o = provisioning();
    expect(refusalOf(o, 'refund', 'buyer', at(5 * DAY), rules)).toBeUndefined();
    expect(refusalOf(o, 'refund', 'buyer', at(5 * DAY + 1), rules)).toEqual({ kind: 'refund-period-over' });
    const refunded = applyCommand(o, { action: 'refund', reason: '不需要了' }, buyer, at(DAY));
    expect(refunded).toMatchObject({ status: 'cancelled', refundAmount: o.amount, refundedAt: at(DAY).toISOString() });
    expect(refunded.saas!.calls.map((c) => [c.action, c.body])).toEqual([['destroyInstance', { orderId: o.orderId, signId: '0' }]]);
  });

  it('gives up provisioning after 24 h: cancelled with a refund and destroyInstance queued', () => {
    const o = provisioning();
    const cancelled = applyCommand(o, { action: 'auto-cancel' }, system, at(DAY));
    expect(cancelled).toMatchObject({ status: 'cancelled', refundAmount: o.amount });
    expect(cancelled.saas!.calls.map((c) => c.action)).toEqual(['destroyInstance']);
  });

  it('counts on the dashboard: the new statuses, a renewal’s revenue, a refund as a cancellation', () => {
    const entry = (action: string, from: string, to: string, data: Record<string, unknown> = {}) =>
      ({ entryId: 'e', orderId: 'o', version: 2, action, actor: 'x', role: 'system', at: at(DAY).toISOString(), from, to, data }) as never;
    const o = saasOrderOf();
    expect(dashboardDelta(entry('provision', 'provisioning', 'active'), o)?.status).toEqual({ provisioning: -1, active: 1 });
    expect(dashboardDelta(entry('renew', 'expired', 'active', { periods: 2 }), o)).toMatchObject({ counts: { revenue: 19_800 }, status: { expired: -1, active: 1 } });
    expect(dashboardDelta(entry('refund', 'active', 'cancelled'), o)).toMatchObject({ counts: { cancelled: 1, refunds: o.amount } });
    expect(dashboardDelta(entry('saas-call', 'active', 'active'), o)).toBeUndefined();
    // 变更规格: an upgrade's difference is revenue, a downgrade's refund a refund, no status move
    expect(dashboardDelta(entry('change-plan', 'active', 'active', { difference: 19_355 }), o)).toMatchObject({ counts: { revenue: 19_355 }, status: {} });
    expect(dashboardDelta(entry('change-plan', 'active', 'active', { difference: -10_323 }), o)).toMatchObject({ counts: { refunds: 10_323 } });
  });
});
