import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config';
import {
  ORDER_COMMANDS,
  actionsFor,
  applyCommand,
  refusalOf,
  statusLabels,
  validateAnswers,
  languageOf,
  type OrderCommand,
  type OrderRole,
} from '../../lib/orders/model';
import { ORDER_STATUSES, type OrderStatus } from '../../lib/orders/schemas';
import { inputOf, orderOf, saasOrderOf } from '../support/order-fixtures';

const rules = loadConfig({ TABLE_NAME: 'unit', AUTH_ISSUER: 'https://issuer.example', AUTH_CLIENT_ID: 'c' }).orders;
const DAY = 24 * 3600 * 1000;
const ROLES: OrderRole[] = ['buyer', 'provider', 'operator', 'system'];
const T0 = new Date('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

// The machine of spec section 4 written out independently: status → action → [role, next status].
// A message (沟通) is allowed to several roles and never changes the status.
const machine: Record<OrderStatus, Partial<Record<OrderCommand, [OrderRole | OrderRole[], OrderStatus]>>> = {
  awaiting_start: {
    'submit-requirements': ['buyer', 'awaiting_start'],
    'reject-requirements': ['provider', 'awaiting_start'],
    start: ['provider', 'implementing'],
    cancel: ['buyer', 'cancelled'],
    appeal: ['buyer', 'disputed'],
    remind: ['system', 'awaiting_start'],
    'auto-cancel': ['system', 'cancelled'],
    message: [['buyer', 'provider'], 'awaiting_start'],
  },
  implementing: {
    complete: ['provider', 'awaiting_confirmation'],
    appeal: ['buyer', 'disputed'],
    message: [['buyer', 'provider'], 'implementing'],
  },
  awaiting_confirmation: {
    urge: ['provider', 'awaiting_confirmation'],
    confirm: ['buyer', 'completed'],
    'reject-completion': ['buyer', 'implementing'],
    appeal: ['provider', 'disputed'],
    remind: ['system', 'awaiting_confirmation'],
    'auto-confirm': ['system', 'completed'],
    message: [['buyer', 'provider'], 'awaiting_confirmation'],
  },
  completed: { message: [['buyer', 'provider'], 'completed'] },
  cancelled: { 'saas-call': ['system', 'cancelled'] },
  // SaaS orders (spec 3.1)
  provisioning: {
    provision: ['system', 'active'],
    'saas-call': ['system', 'provisioning'],
    refund: ['buyer', 'cancelled'],
    'auto-cancel': ['system', 'cancelled'],
  },
  active: {
    renew: ['buyer', 'active'],
    'change-plan': ['buyer', 'active'],
    refund: ['buyer', 'cancelled'],
    expire: ['system', 'expired'],
    'saas-call': ['system', 'active'],
  },
  expired: {
    renew: ['buyer', 'active'],
    refund: ['buyer', 'cancelled'],
    destroy: ['system', 'destroyed'],
    'saas-call': ['system', 'expired'],
  },
  destroyed: { 'saas-call': ['system', 'destroyed'] },
  disputed: { resolve: ['operator', 'implementing'], message: [['buyer', 'provider', 'operator'], 'disputed'] },
  // 兑换码交付
  delivered: { reveal: ['buyer', 'completed'], refund: ['buyer', 'cancelled'], message: [['buyer', 'provider'], 'delivered'] },
};

/** An order in a status where every guard passes for the party the machine names. */
const SAAS_STATUSES: OrderStatus[] = ['provisioning', 'active', 'expired', 'destroyed'];
const ready = (status: OrderStatus) =>
  (SAAS_STATUSES.includes(status) ? saasReady : orderOf)({
    status,
    requirements: { status: 'submitted', answers: { host: '10.0.0.1' } },
    // long enough ago that any stalled party may be appealed against
    turnSince: T0.toISOString(),
    statusSince: T0.toISOString(),
    // a code order bought a day before the test's clock: still refundable
    ...(status === 'delivered' ? { delivery: 'code' as const, createdAt: at(29 * DAY).toISOString() } : {}),
  });

/** A SaaS order bought a day before the test's clock, expired long before it: every SaaS guard passes. */
const saasReady = (overrides: Parameters<typeof saasOrderOf>[0]) =>
  saasOrderOf({
    ...overrides,
    createdAt: at(29 * DAY).toISOString(),
    instance: { signId: 's', website: null, authUrl: null, additionalInfo: [], expiresAt: T0.toISOString() },
    saas: { ...saasOrderOf().saas!, expiredAt: T0.toISOString() },
  });

describe('order state machine', () => {
  const now = at(30 * DAY);
  for (const status of ORDER_STATUSES) {
    for (const action of ORDER_COMMANDS) {
      for (const role of ROLES) {
        const expected = machine[status][action];
        const allowed = expected !== undefined && [expected[0]].flat().includes(role);
        it(`${allowed ? 'allows' : 'refuses'} ${action} by ${role} in ${status}`, () => {
          const order = ready(status);
          const refusal = refusalOf(order, action, role, now, rules);
          expect(refusal === undefined).toBe(allowed);
          if (allowed) {
            const next = applyCommand(order, inputOf(action), { id: 'a', role }, now);
            expect(next.status).toBe(expected[1]);
            expect(next.version).toBe(order.version + 1);
          }
        });
      }
    }
  }

  it('lets the operator resolve a dispute to each outcome', () => {
    for (const outcome of ['completed', 'cancelled', 'implementing'] as const) {
      const next = applyCommand(ready('disputed'), { action: 'resolve', outcome, note: 'settled' }, { id: 'op', role: 'operator' }, now);
      expect(next.status).toBe(outcome);
      expect(next.refundedAt !== undefined).toBe(outcome === 'cancelled');
      expect(next.completedAt !== undefined).toBe(outcome === 'completed');
    }
  });
});

describe('guards', () => {
  it('refuses to start without requirements when the product demands them', () => {
    const order = orderOf({ requirements: { status: 'none', answers: {} } });
    expect(refusalOf(order, 'start', 'provider', T0, rules)).toEqual({ kind: 'requirements-missing' });
    const optional = orderOf({ product: { ...orderOf().product, requirementsBeforeStart: false } });
    expect(refusalOf(optional, 'start', 'provider', T0, rules)).toBeUndefined();
  });

  it('allows one urge per interval and says when the next one is allowed', () => {
    const order = orderOf({ status: 'awaiting_confirmation', lastUrgedAt: T0.toISOString() });
    expect(refusalOf(order, 'urge', 'provider', at(DAY - 1000), rules)).toEqual({ kind: 'urged-recently', retryAfterMs: 1000 });
    expect(refusalOf(order, 'urge', 'provider', at(DAY), rules)).toBeUndefined();
  });

  it('allows an appeal only against the party that stalled for more than five days', () => {
    const implementing = orderOf({ status: 'implementing', turnSince: T0.toISOString() });
    expect(refusalOf(implementing, 'appeal', 'buyer', at(5 * DAY), rules)).toEqual({ kind: 'appeal-not-eligible' });
    expect(refusalOf(implementing, 'appeal', 'buyer', at(5 * DAY + 1), rules)).toBeUndefined();
    expect(refusalOf(implementing, 'appeal', 'provider', at(30 * DAY), rules)).toEqual({ kind: 'appeal-not-eligible' });
    const confirming = orderOf({ status: 'awaiting_confirmation' });
    expect(refusalOf(confirming, 'appeal', 'provider', at(6 * DAY), rules)).toBeUndefined();
    expect(refusalOf(confirming, 'appeal', 'buyer', at(6 * DAY), rules)).toEqual({ kind: 'appeal-not-eligible' });
  });

  it('allows either party to appeal after three rejected completions', () => {
    const order = orderOf({ status: 'implementing', completionRejections: 3, turnSince: T0.toISOString() });
    expect(refusalOf(order, 'appeal', 'buyer', T0, rules)).toBeUndefined();
    expect(refusalOf(order, 'appeal', 'provider', T0, rules)).toBeUndefined();
  });

  it('after a ruling back to implementing, allows a new appeal only by the usual path: fresh rejections or a stall', () => {
    const disputed = orderOf({ status: 'disputed', completionRejections: 3, turnSince: T0.toISOString() });
    const ruled = applyCommand(disputed, { action: 'resolve', outcome: 'implementing', note: 'redo it' }, { id: 'op', role: 'operator' }, at(DAY));
    expect(ruled).toMatchObject({ status: 'implementing', completionRejections: 0 });
    for (const role of ['buyer', 'provider'] as const) {
      expect(refusalOf(ruled, 'appeal', role, at(DAY + 1000), rules), role).toEqual({ kind: 'appeal-not-eligible' });
    }
    // three new rejected completions open the appeal to either party again
    let order = ruled;
    for (let i = 0; i < 3; i++) {
      order = applyCommand(order, inputOf('complete'), { id: 'p', role: 'provider' }, at(2 * DAY));
      order = applyCommand(order, inputOf('reject-completion'), { id: 'b', role: 'buyer' }, at(2 * DAY));
    }
    expect(refusalOf(order, 'appeal', 'provider', at(2 * DAY), rules)).toBeUndefined();
    // or the provider stalls for more than five days after the ruling
    expect(refusalOf(ruled, 'appeal', 'buyer', at(6 * DAY + 1), rules)).toBeUndefined();
  });

  it('keeps the rejected completions when a dispute ends completed or cancelled', () => {
    for (const outcome of ['completed', 'cancelled'] as const) {
      const disputed = orderOf({ status: 'disputed', completionRejections: 3 });
      expect(applyCommand(disputed, { action: 'resolve', outcome, note: 'n' }, { id: 'op', role: 'operator' }, T0).completionRejections).toBe(3);
    }
  });
});

describe('requirements form', () => {
  const template = orderOf().product.requirementsTemplate;
  it('names each missing, mistyped or unknown field', () => {
    const errors = validateAnswers(template, { cores: 'four', os: 'Windows', backup: 'yes', extra: 1 });
    expect(errors.map((e) => e.path).sort()).toEqual(['answers.backup', 'answers.cores', 'answers.extra', 'answers.host', 'answers.os']);
  });
  it('accepts answers of the right types', () => {
    expect(validateAnswers(template, { host: 'a', cores: 4, os: 'Ubuntu', backup: true })).toEqual([]);
  });
  it('never throws on arbitrary answers', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.double(), fc.boolean())), (answers) => {
        const errors = validateAnswers(template, answers);
        for (const e of errors) expect(e.path.startsWith('answers.')).toBe(true);
      }),
    );
  });
});

describe('labels', () => {
  it('shows each party its own name for the status', () => {
    expect(statusLabels(orderOf(), 'zh')).toEqual({ provider: '待实施', buyer: '待提交需求单' });
    expect(statusLabels(orderOf({ requirements: { status: 'submitted', answers: {} } }), 'zh').buyer).toBe('待服务商实施');
    expect(statusLabels(orderOf({ status: 'completed' }), 'zh')).toEqual({ provider: '已完成', buyer: '分配完成' });
    expect(statusLabels(orderOf({ status: 'awaiting_confirmation' }), 'en')).toEqual({
      provider: 'Awaiting buyer confirmation',
      buyer: 'Awaiting your confirmation',
    });
  });
  it('answers in English for Accept-Language en, Chinese otherwise', () => {
    expect(languageOf({ 'accept-language': 'en-US,en;q=0.9' })).toBe('en');
    expect(languageOf({ 'accept-language': 'zh-CN' })).toBe('zh');
    expect(languageOf({})).toBe('zh');
  });
});

describe('any sequence of commands', () => {
  it('keeps the version equal to the number of accepted commands and the status legal', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ action: fc.constantFrom(...ORDER_COMMANDS), role: fc.constantFrom(...ROLES), advance: fc.integer({ min: 0, max: 8 * DAY }) }), {
          maxLength: 40,
        }),
        (steps) => {
          let order = orderOf();
          let clock = T0.getTime();
          let accepted = 1;
          for (const step of steps) {
            clock += step.advance;
            const now = new Date(clock);
            if (refusalOf(order, step.action, step.role, now, rules)) continue;
            const next = applyCommand(order, inputOf(step.action, { reminder: `r${clock}` }), { id: step.role, role: step.role }, now);
            accepted++;
            expect(machine[order.status][step.action]?.[1]).toBe(next.status);
            order = next;
            expect(order.version).toBe(accepted);
            if (order.status === 'completed') expect(order.completedAt).toBeDefined();
            if (order.status === 'cancelled') expect(order.refundAmount).toBe(order.amount);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the commands a side may take now (the order view’s `actions`)', () => {
  const provider = { id: 'provider-1', roles: ['provider'], memberships: [{ providerId: 'provider-1', role: 'admin' as const }] };
  const buyer = { id: 'buyer-1', roles: ['buyer'] };

  it('lists the side’s commands from the status, refusing those its own rules refuse, with the problem’s detail in the language asked', () => {
    // Prepare: urged an hour ago, delivered an hour ago (nothing has stalled)
    const o = orderOf({ status: 'awaiting_confirmation', lastUrgedAt: at(-3600_000).toISOString(), turnSince: at(-3600_000).toISOString(), statusSince: at(-3600_000).toISOString() });
    // Act
    const forProvider = actionsFor(o, provider, T0, rules, 'zh');
    const forBuyer = actionsFor(o, buyer, T0, rules, 'en');
    // Assess
    expect(forProvider.find((a) => a.action === 'urge')).toMatchObject({ allowed: false, reason: expect.stringMatching(/催促/) });
    expect(forProvider.map((a) => a.action)).not.toContain('confirm');
    expect(forBuyer.find((a) => a.action === 'confirm')).toEqual({ action: 'confirm', allowed: true });
    expect(forBuyer.find((a) => a.action === 'appeal')).toMatchObject({ allowed: false, reason: expect.stringMatching(/^An appeal needs/) });
  });

  it('allows an urge once the interval has passed', () => {
    const o = orderOf({ status: 'awaiting_confirmation', lastUrgedAt: at(-rules.urgeIntervalMs - 1).toISOString() });
    expect(actionsFor(o, provider, T0, rules, 'zh').find((a) => a.action === 'urge')).toEqual({ action: 'urge', allowed: true });
  });
});
