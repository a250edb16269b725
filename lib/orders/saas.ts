import { newId } from '../shared/ids';
import type { OrderRules } from './commands/command';
import type { Instance, OrderItem, PendingCall, SaasAction, SaasState } from './schemas';

/**
 * The rules of SaaS orders (spec 3.1; docs/decisions.md, "SaaS orders"), pure: the clock is a parameter.
 * The commands (lib/orders/commands) and the job (lib/orders/saas-job.ts) read them.
 */

const HOUR = 3600_000;
/** The first retry waits 30 s, then twice as long each time, at most an hour. */
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = HOUR;
/** How long a claimed attempt is held: longer than one call (5 s) with its retries. */
export const CALL_LEASE_MS = 120_000;

/** Whether an order is a SaaS order (its SaaS state is set at purchase). */
export const isSaas = (o: Pick<OrderItem, 'saas'>): o is { saas: SaasState } => o.saas !== undefined;

/** The wait before attempt `attempt + 1` of a call. */
export const backoffMs = (attempt: number) => Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 20));

type Plan = { duration: number; unit: string };

/** `from` plus `count` periods of the plan (calendar months and years in UTC); null for a `times` plan. */
export const addPeriods = (from: string, plan: Plan, count: number): string | null => {
  const d = new Date(from);
  const n = plan.duration * count;
  if (plan.unit === 'day') d.setUTCDate(d.getUTCDate() + n);
  else if (plan.unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
  else if (plan.unit === 'year') d.setUTCFullYear(d.getUTCFullYear() + n);
  else return null;
  return d.toISOString();
};

/** When a new instance expires: counted from payment (the purchase) by the plan and the quantity bought. */
export const firstExpiry = (o: Pick<OrderItem, 'createdAt' | 'product' | 'quantity'>) => addPeriods(o.createdAt, o.product.plan, o.quantity);

/** The expiry after a renewal: `periods` more from the later of the current expiry and now. */
export const renewedExpiry = (o: Pick<OrderItem, 'instance' | 'product'>, periods: number, at: string) => {
  const current = o.instance?.expiresAt;
  const from = current && current > at ? current : at;
  return addPeriods(from, o.product.plan, periods);
};

/**
 * The periods of `plan` left from `at` until `until`: the whole periods counted back from `until` in the
 * calendar (addPeriods), plus the started one's fraction by time. 0 once `until` has passed.
 */
export const periodsLeft = (until: string, at: string, plan: Plan): number => {
  const end = Date.parse(until);
  const now = Date.parse(at);
  if (!(end > now)) return 0;
  let upper = end;
  for (let whole = 0; ; whole++) {
    const back = addPeriods(until, plan, -(whole + 1));
    if (back === null) return 0;
    const lower = Date.parse(back);
    if (lower <= now || whole >= 10_000) return whole + (upper - now) / (upper - lower);
    upper = lower;
  }
};

/**
 * 变更规格's price difference in fen (docs/decisions.md, "SaaS plan change settles the difference"): the new
 * plan's price for the time left to the expiry, less the current plan's for the same time, each pro rata
 * by its own period; rounded to the fen, half away from zero. Positive: the buyer pays it; negative: it is
 * refunded to the buyer (never more than the order's amount). A plan that does not expire (`times`)
 * differs by the plan prices times the quantity.
 */
export const planChangeDifference = (
  o: Pick<OrderItem, 'instance' | 'product' | 'quantity' | 'amount'>,
  plan: Plan & { price: number },
  at: string,
): number => {
  const until = o.instance?.expiresAt ?? null;
  const raw =
    until === null
      ? (plan.price - o.product.unitPrice) * o.quantity
      : plan.price * periodsLeft(until, at, plan) - o.product.unitPrice * periodsLeft(until, at, o.product.plan);
  const fen = raw < 0 ? -Math.round(-raw) : Math.round(raw);
  return Math.max(fen, -o.amount) || 0;
};

/** A call appended to the order's queue, due at once. */
export const queueCall = (calls: readonly PendingCall[], action: SaasAction, body: Record<string, unknown>, at: string): PendingCall[] => [
  ...calls,
  { eventId: newId(Date.parse(at)), action, body, attempt: 0, nextAt: at, firstAt: at },
];

/** The instance's protocol id (`"0"` when none was ever given). */
export const signIdOf = (o: Pick<OrderItem, 'instance'>) => o.instance?.signId ?? '0';

/** The SaaS state after leaving `provisioning`: a pending createInstance is never sent any more. */
export const withoutCreate = (s: SaasState): SaasState => ({ ...s, calls: s.calls.filter((c) => c.action !== 'createInstance') });

/** The SaaS state after a cancellation (refund, give-up): destroyInstance queued, createInstance dropped. */
export const cancelledSaas = (o: Pick<OrderItem, 'orderId' | 'instance'> & { saas: SaasState }, at: string): SaasState => {
  const s = withoutCreate(o.saas);
  return { ...s, calls: queueCall(s.calls, 'destroyInstance', { orderId: o.orderId, signId: signIdOf(o) }, at) };
};

/** createInstance's body (spec 3.1), from the order as it is when sent. */
export const createInstanceBody = (o: OrderItem) => ({
  orderId: o.orderId,
  accountId: o.buyerId,
  openId: o.buyerId,
  productId: o.productId,
  resourceId: o.orderId,
  productInfo: {
    productName: o.product.name,
    isTrial: false,
    spec: o.product.plan.name,
    timeSpan: o.product.plan.duration * o.quantity,
    timeUnit: o.product.plan.unit,
  },
  userCollectionInfo: o.requirements.answers,
});

/** The body of a call: createInstance's is built now, the others were built when queued. */
export const callBody = (o: OrderItem, call: PendingCall): Record<string, unknown> =>
  call.action === 'createInstance' ? createInstanceBody(o) : { ...call.body, orderId: o.orderId };

/** What createInstance answered, read leniently: a `signId` other than "0" provisions. */
export const instanceFrom = (answer: unknown, expiresAt: string | null): Instance | undefined => {
  if (!answer || typeof answer !== 'object') return undefined;
  const a = answer as Record<string, unknown>;
  const signId = typeof a.signId === 'string' ? a.signId : typeof a.signId === 'number' ? String(a.signId) : undefined;
  if (!signId || signId === '0' || signId.length > 200) return undefined;
  const app = (a.appInfo && typeof a.appInfo === 'object' ? a.appInfo : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.length <= 2000 ? v : null);
  const info = Array.isArray(a.additionalInfo) ? a.additionalInfo : [];
  return {
    signId,
    website: str(app.website),
    authUrl: str(app.authUrl),
    additionalInfo: info
      .filter((i): i is Record<string, unknown> => !!i && typeof i === 'object')
      .slice(0, 20)
      .map((i) => ({ name: String(i.name ?? '').slice(0, 100), value: String(i.value ?? '').slice(0, 2000) })),
    expiresAt,
  };
};

/** What the platform does next to a SaaS order on its own. */
export type SaasStep =
  | { kind: 'give-up' }
  | { kind: 'expire' }
  | { kind: 'destroy' }
  | { kind: 'send'; call: PendingCall };

/** When the platform next has something to do with a SaaS order, or undefined. */
export const saasDueAt = (o: OrderItem, rules: OrderRules): number | undefined => {
  if (!isSaas(o)) return undefined;
  const times: number[] = [];
  const head = o.saas.calls[0];
  if (head) times.push(Date.parse(head.nextAt));
  if (o.status === 'provisioning') times.push(Date.parse(o.createdAt) + rules.saasGiveUpMs);
  if (o.status === 'active' && o.instance?.expiresAt) times.push(Date.parse(o.instance.expiresAt));
  if (o.status === 'expired' && o.saas.expiredAt) times.push(Date.parse(o.saas.expiredAt) + rules.saasDestroyAfterMs);
  return times.length ? Math.min(...times) : undefined;
};

/** What is due now: a status change the clock makes first, else the head call once its time has come. */
export const saasStep = (o: OrderItem, now: Date, rules: OrderRules): SaasStep | undefined => {
  if (!isSaas(o)) return undefined;
  const t = now.getTime();
  if (o.status === 'provisioning' && Date.parse(o.createdAt) + rules.saasGiveUpMs <= t) return { kind: 'give-up' };
  if (o.status === 'active' && o.instance?.expiresAt && Date.parse(o.instance.expiresAt) <= t) return { kind: 'expire' };
  if (o.status === 'expired' && o.saas.expiredAt && Date.parse(o.saas.expiredAt) + rules.saasDestroyAfterMs <= t) return { kind: 'destroy' };
  const head = o.saas.calls[0];
  if (head && Date.parse(head.nextAt) <= t) return { kind: 'send', call: head };
  return undefined;
};

/** Whether the buyer may still ask for a refund (within the period from the purchase). */
export const withinRefundPeriod = (o: Pick<OrderItem, 'createdAt'>, now: Date, rules: OrderRules) =>
  now.getTime() - Date.parse(o.createdAt) <= rules.saasRefundMs;

/** The result of one attempt of a call, as its timeline entry records it (spec 7.1). */
export interface CallResult {
  eventId: string;
  /** The protocol action sent. */
  call: SaasAction;
  attempt: number;
  ok: boolean;
  /** The HTTP status, or 0 when nothing came back (timeout, refused connection, address refused). */
  status: number;
  latencyMs: number;
  signId?: string;
  /** Why it failed, in a few words (never the provider's whole answer). */
  error?: string;
}

/** The queue after an attempt: done → removed; else kept at the head, one more attempt, after a backoff. */
export const afterAttempt = (s: SaasState, r: CallResult, done: boolean, at: string): SaasState => ({
  ...s,
  calls: s.calls.flatMap((c) => {
    if (c.eventId !== r.eventId) return [c];
    if (done) return [];
    return [{ ...c, attempt: c.attempt + 1, nextAt: new Date(Date.parse(at) + backoffMs(c.attempt)).toISOString() }];
  }),
});

/** Whether a product's live content delivers by the SaaS protocol (spec 3.1). */
export const deliversBySaas = (live: object) => (live as { delivery?: string }).delivery === 'saas';

/**
 * A SaaS purchase (spec 3.1): the order starts `provisioning` with createInstance queued, the product's plans
 * kept for 变更规格, and the requirements answers given with the purchase (userCollectionInfo) as submitted.
 */
export const saasPurchase = (
  o: OrderItem,
  plans: SaasState['plans'],
  answers: Record<string, unknown> | undefined,
): Partial<OrderItem> => ({
  status: 'provisioning',
  requirements: { status: answers && Object.keys(answers).length ? 'submitted' : 'none', answers: answers ?? {} },
  saas: { plans, calls: queueCall([], 'createInstance', {}, o.createdAt) },
});
