import type { CommandInput, OrderCommand } from '../../lib/orders/model';
import type { OrderItem, Resolution } from '../../lib/orders/schemas';

/** A plain order as the model sees it; override anything. */
export const orderOf = (overrides: Partial<OrderItem> = {}): OrderItem => ({
  orderId: '01ORDER000000000000000000A',
  productId: '01PRODUCT00000000000000000',
  planId: 'basic',
  buyerId: 'buyer-1',
  providerId: 'provider-1',
  status: 'awaiting_start',
  version: 1,
  delivery: 'manual',
  product: {
    name: '服务器运维托管',
    serviceType: 'ops_service',
    plan: { planId: 'basic', name: '基础版', duration: 1, unit: 'times', listPrice: 100_000, price: 80_000 },
    unitPrice: 80_000,
    deliveryDays: 3,
    warrantyDays: 30,
    requirementsTemplate: [
      { key: 'host', label: '服务器地址', type: 'text', required: true },
      { key: 'cores', label: 'CPU 核数', type: 'number', required: false },
      { key: 'os', label: '系统', type: 'select', required: false, options: ['Ubuntu', 'Debian'] },
      { key: 'backup', label: '备份', type: 'boolean', required: false },
    ],
    requirementsBeforeStart: true,
  },
  quantity: 1,
  amount: 80_000,
  requirements: { status: 'none', answers: {} },
  statusSince: '2026-01-01T00:00:00.000Z',
  turnSince: '2026-01-01T00:00:00.000Z',
  completionRejections: 0,
  remindersSent: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const CALL = { eventId: 'evt-1', call: 'createInstance' as const, attempt: 0, ok: true, status: 200, latencyMs: 12, signId: 'sign-1' };

/** A SaaS order as the model sees it (provisioned, monthly plan, two plans bought from); override anything. */
export const saasOrderOf = (overrides: Partial<OrderItem> = {}): OrderItem => {
  const base = orderOf();
  const basic = { planId: 'basic', name: '基础版', duration: 1, unit: 'month' as const, listPrice: 10_000, price: 9_900 };
  const pro = { planId: 'pro', name: '专业版', duration: 1, unit: 'month' as const, listPrice: 30_000, price: 29_900 };
  return orderOf({
    status: 'active',
    product: { ...base.product, serviceType: 'saas', plan: basic, unitPrice: basic.price, requirementsTemplate: [], requirementsBeforeStart: false },
    amount: basic.price,
    saas: { plans: [basic, pro], calls: [{ eventId: 'evt-1', action: 'createInstance', body: {}, attempt: 0, nextAt: base.createdAt, firstAt: base.createdAt }] },
    instance: { signId: 'sign-1', website: 'https://app.example', authUrl: null, additionalInfo: [], expiresAt: '2026-02-01T00:00:00.000Z' },
    ...overrides,
  });
};

/** A valid input of each command; `over` sets the fields a test cares about (the resolution, the reminder). */
export const inputOf = (
  action: OrderCommand,
  over: { answers?: Record<string, unknown>; outcome?: Resolution; reminder?: string; text?: string; note?: string; reason?: string } = {},
): CommandInput => {
  const note = over.note ?? 'n';
  const reason = over.reason ?? 'r';
  switch (action) {
    case 'submit-requirements':
      return { action, answers: over.answers ?? { host: 'h' } };
    case 'reject-requirements':
    case 'reject-completion':
    case 'cancel':
    case 'appeal':
      return { action, reason };
    case 'complete':
      return { action, note };
    case 'resolve':
      return { action, outcome: over.outcome ?? 'implementing', note };
    case 'remind':
      return { action, reminder: over.reminder ?? 'x', recipient: 'buyer' };
    case 'message':
      return { action, text: over.text ?? 'hello' };
    case 'refund':
      return { action, reason };
    case 'renew':
      return { action, periods: 1 };
    case 'change-plan':
      return { action, planId: 'pro' };
    case 'provision':
      return { action, result: CALL, instance: { signId: 'sign-1', website: 'https://app.example', authUrl: null, additionalInfo: [] } };
    case 'saas-call':
      return { action, result: { ...CALL, call: 'expireInstance' } };
    default:
      return { action };
  }
};
