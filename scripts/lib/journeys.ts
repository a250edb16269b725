import { randomUUID } from 'node:crypto';

/**
 * The order journeys `npm run load` and `npm run chaos` drive over HTTP, and the checks they run after:
 * every acknowledged order exists, its timeline is a path of the state machine numbered by version with
 * no gap (nothing half-written) and each command in it once (a retried command never applied twice), and
 * the inbox lists each notification once with a matching unread count.
 */
export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export type Request = (method: string, path: string, bearer?: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

/** A JSON client of the API; a connection that fails answers status 0 (the caller decides to retry). */
export const client =
  (api: string): Request =>
  async (method, path, bearer, body, headers = {}) => {
    try {
      const res = await fetch(`${api}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      return { status: res.status, body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text, headers: res.headers };
    } catch (err) {
      return { status: 0, body: (err as Error).message, headers: new Headers() };
    }
  };

export interface Journeys {
  acknowledged: string[];
  failures: string[];
  statuses: Map<number, number>;
  retried: number;
}

/**
 * Buys and runs orders to completion until `deadline`, `concurrency` at a time. Every command carries an
 * Idempotency-Key; an answer 503 or 429 with Retry-After (or a lost connection, `retryLost`) is retried
 * after the wait with the same key, as a client should; a purchase is also sent twice on purpose.
 */
export const runJourneys = async (opts: {
  request: Request;
  buyer: string;
  provider: string;
  productId: string;
  planId: string;
  answers: Record<string, unknown>;
  deadline: number;
  concurrency: number;
  retryLost?: boolean;
}): Promise<Journeys> => {
  const { request, buyer, provider } = opts;
  const out: Journeys = { acknowledged: [], failures: [], statuses: new Map(), retried: 0 };
  const count = (s: number) => out.statuses.set(s, (out.statuses.get(s) ?? 0) + 1);
  const step = async (method: string, path: string, bearer: string, body?: unknown, key = randomUUID()) => {
    const headers = { 'idempotency-key': key };
    let res = await request(method, path, bearer, body, headers);
    count(res.status);
    for (let attempt = 0; attempt < 20; attempt++) {
      // 503 (a dependency down) and 429 (the buyer's per-user limit) both say when to come back
      const wait = res.status === 503 || res.status === 429 ? Number(res.headers.get('retry-after') ?? 'NaN') : res.status === 0 && opts.retryLost ? 1 : NaN;
      if (!Number.isFinite(wait)) break;
      out.retried++;
      await new Promise((r) => setTimeout(r, wait * 1000));
      res = await request(method, path, bearer, body, headers);
      count(res.status);
    }
    if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  };
  const journey = async () => {
    while (Date.now() < opts.deadline) {
      try {
        const key = randomUUID();
        const purchase = { productId: opts.productId, planId: opts.planId };
        const order = await step('POST', '/orders', buyer, purchase, key);
        out.acknowledged.push(order.orderId);
        // the client sends the same purchase again under its key (say after a timeout): the same order
        const again = await step('POST', '/orders', buyer, purchase, key);
        if (again.orderId !== order.orderId) out.failures.push(`the same key made ${order.orderId} and ${again.orderId}`);
        const path = `/orders/${order.orderId}`;
        if (Object.keys(opts.answers).length > 0) await step('PUT', `${path}/requirements`, buyer, { answers: opts.answers });
        await step('POST', `${path}/start`, provider);
        await step('POST', `${path}/complete`, provider, { note: 'journey' });
        await step('POST', `${path}/confirm`, buyer);
      } catch (err) {
        out.failures.push((err as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, journey));
  return out;
};

const ORDERED = ['awaiting_start', 'implementing', 'awaiting_confirmation', 'completed'];
const ONCE = new Set(['create', 'start', 'complete', 'confirm']);

/** The checks after a run; answers the problems found (none is the goal). */
export const checkRecords = async (request: Request, buyer: string, acknowledged: string[]): Promise<{ problems: string[]; unread: number }> => {
  const problems: string[] = [];
  for (const orderId of new Set(acknowledged)) {
    const res = await request('GET', `/orders/${orderId}`, buyer);
    if (res.status !== 200) {
      problems.push(`acknowledged order ${orderId} answers ${res.status}`);
      continue;
    }
    const timeline = res.body.timeline as Array<{ action: string; from: string | null; to: string; version?: number }>;
    // numbered 1…version without a gap: every accepted command wrote its order and its entry together
    const versions = timeline.map((e) => e.version);
    if (versions.length !== res.body.version || versions.some((v, i) => v !== i + 1)) {
      problems.push(`${orderId}: version ${res.body.version}, entries ${versions.join(',')}`);
    }
    const changes = timeline.filter((e) => e.from !== e.to || e.from === null);
    for (let i = 1; i < changes.length; i++) {
      if (changes[i].from !== changes[i - 1].to) problems.push(`${orderId}: ${changes[i].action} from ${changes[i].from} after ${changes[i - 1].to}`);
    }
    const path = changes.map((e) => e.to).filter((s) => ORDERED.includes(s));
    if (path.some((s, i) => i > 0 && ORDERED.indexOf(s) < ORDERED.indexOf(path[i - 1]))) problems.push(`${orderId}: timeline out of order ${path.join(' → ')}`);
    for (const action of ONCE) {
      const times = timeline.filter((e) => e.action === action).length;
      if (times > 1) problems.push(`${orderId}: ${action} applied ${times} times`);
    }
  }
  const ids = new Set<string>();
  let unread = 0;
  let unreadCount = 0;
  let cursor: string | undefined;
  do {
    const res = await request('GET', `/notifications?unread=true&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, buyer);
    if (res.status !== 200) {
      problems.push(`the inbox answers ${res.status}`);
      break;
    }
    unreadCount = res.body.unreadCount;
    for (const n of res.body.items as Array<{ notificationId: string }>) {
      if (ids.has(n.notificationId)) problems.push(`notification ${n.notificationId} listed twice`);
      ids.add(n.notificationId);
      unread++;
    }
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  if (unread !== unreadCount) problems.push(`unread count ${unreadCount}, unread items ${unread}`);
  return { problems, unread };
};
