import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { indexes, keys } from '../db/keys';
import { ConditionFailed, transactWrite } from '../db/write';
import { DomainError } from '../http/errors';
import { logger } from '../observability/logger';
import { saasCallClaimItem } from './items';
import type { CommandInput, OrderRules } from './model';
import { StaleOrder, writeOrderCommand } from './repository';
import { CALL_LEASE_MS, callBody, instanceFrom, isSaas, saasStep, type CallResult } from './saas';
import type { OrderItem, PendingCall, SaasAction } from './schemas';
import { readOrder as readWhole, readOrders } from './layout';
import { orderIdOf } from './timers';
import { unwrapRows } from '../db/row';

const SYSTEM = { id: 'system', role: 'system' as const };
/** Calls at once to one provider's endpoint, and orders of one provider per run: a slow endpoint fills its own lane only. */
export const LANE_CONCURRENCY = 4;
export const LANE_ORDERS_PER_RUN = 25;
const PAGE = 100;
/** A claim item outlives any retry of its call (the table's TTL removes it). */
const CLAIM_TTL_SECONDS = 30 * 24 * 3600;
/** Steps taken on one order in one go (a status change, then the call it queued, …). */
const STEPS_PER_ORDER = 6;

/** What one call answered, as the sender reports it (lib/saas/call.ts's callSaas in production). */
export interface SendOutcome {
  ok: boolean;
  /** HTTP status; 0 when nothing answered. */
  status: number;
  latencyMs: number;
  signId?: string;
  /** The answer, parsed (createInstance's appInfo and additionalInfo are read from it). */
  answer: unknown;
  error?: string;
}

export type Sender = (c: { providerId: string; orderId: string; action: SaasAction; body: Record<string, unknown>; eventId: string }) => Promise<SendOutcome>;

export interface SaasRun {
  due: number;
  sent: number;
  provisioned: number;
  failed: number;
  expired: number;
  destroyed: number;
  gaveUp: number;
  /** Steps another sender or a person took first. */
  skipped: number;
}

export const emptyRun = (): SaasRun => ({ due: 0, sent: 0, provisioned: 0, failed: 0, expired: 0, destroyed: 0, gaveUp: 0, skipped: 0 });

/**
 * Claims one attempt of a call for this sender: the claim item is written only when no sender holds this attempt
 * (or its lease ran out), and only while the order is still at the version read. False: another sender has it.
 */
export const claimAttempt = async (o: OrderItem, call: PendingCall, now: Date): Promise<boolean> => {
  try {
    await transactWrite({
      order: {
        ConditionCheck: {
          TableName: tableName,
          Key: keys.order(o.orderId),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': o.version },
        },
      },
      claim: {
        Put: {
          TableName: tableName,
          Item: saasCallClaimItem.item({
            orderId: o.orderId,
            eventId: call.eventId,
            attempt: call.attempt,
            leasedUntil: new Date(now.getTime() + CALL_LEASE_MS).toISOString(),
            expiresAt: Math.floor(now.getTime() / 1000) + CLAIM_TTL_SECONDS,
          }),
          ConditionExpression: 'attribute_not_exists(PK) OR #attempt < :attempt OR (#attempt = :attempt AND #until < :now)',
          ExpressionAttributeNames: { '#attempt': 'attempt', '#until': 'leasedUntil' },
          ExpressionAttributeValues: { ':attempt': call.attempt, ':now': now.toISOString() },
        },
      },
    });
    return true;
  } catch (err) {
    if (err instanceof ConditionFailed) return false;
    throw err;
  }
};

/** The order read strongly consistently (head and body, one Query). */
const readOrder = (orderId: string) => readWhole(orderId);

/**
 * Writes a system command on the order as read; when a person's step committed in between, reads the order
 * again and writes it again if it still applies (an answer to a call must not be lost to a renewal).
 * Undefined: it no longer applies (another run, or the buyer, took the order elsewhere).
 */
const writeSystem = async (order: OrderItem, command: CommandInput, now: Date, rules: OrderRules): Promise<OrderItem | undefined> => {
  let current = order;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return (await writeOrderCommand({ actor: SYSTEM, orderId: current.orderId, command, now, rules }, current)).order;
    } catch (err) {
      if (err instanceof DomainError) return undefined;
      if (!(err instanceof StaleOrder)) throw err;
      const fresh = await readOrder(current.orderId);
      if (!fresh) return undefined;
      current = fresh;
    }
  }
  return undefined;
};

/**
 * Takes what one attempt of a call answered onto the order: a createInstance that passed provisions it (`provision`),
 * any other answer advances or retries its step (`saas-call`). The job's and the consumer's attempts come here, and
 * so does a call the provider resent from the call log (重新发送).
 */
const takeOutcome = async (order: OrderItem, call: PendingCall, outcome: SendOutcome, now: Date, rules: OrderRules, run: SaasRun) => {
  const result: CallResult = {
    eventId: call.eventId,
    call: call.action,
    attempt: call.attempt,
    ok: outcome.ok,
    status: outcome.status,
    latencyMs: outcome.latencyMs,
    ...(outcome.signId !== undefined ? { signId: outcome.signId } : {}),
    ...(outcome.error ? { error: outcome.error.slice(0, 200) } : {}),
  };
  const instance = call.action === 'createInstance' && outcome.ok ? instanceFrom(outcome.answer ?? { signId: outcome.signId }, null) : undefined;
  const written =
    instance && order.status === 'provisioning'
      ? await writeSystem(order, { action: 'provision', result, instance: { ...instance, signId: outcome.signId ?? instance.signId } }, now, rules)
      : await writeSystem(order, { action: 'saas-call', result }, now, rules);
  if (instance && written?.status === 'active') run.provisioned++;
  else if (!outcome.ok || (call.action === 'createInstance' && !instance)) run.failed++;
  return written;
};

/** One attempt of the head call: claimed, sent, and its answer taken onto the order. */
const sendCall = async (order: OrderItem, call: PendingCall, now: Date, rules: OrderRules, send: Sender, run: SaasRun) => {
  if (!(await claimAttempt(order, call, now))) {
    run.skipped++;
    return undefined;
  }
  const body = callBody(order, call);
  const outcome = await send({ providerId: order.providerId, orderId: order.orderId, action: call.action, body, eventId: call.eventId });
  run.sent++;
  return takeOutcome(order, call, outcome, now, rules, run);
};

/**
 * A call of the order's queue that the provider resent (same eventId) and that passed: the order takes the answer
 * exactly as from the job's own attempt (a createInstance provisions it); what the change queues next is sent by
 * the consumer of its order event, as after any step. Nothing when the call is no longer queued (the job, or an
 * earlier resend, took its answer first).
 */
export const takeResentAnswer = async (orderId: string, eventId: string, outcome: SendOutcome, now: Date, rules: OrderRules) => {
  const run = emptyRun();
  const order = await readOrder(orderId);
  const call = order && isSaas(order) ? order.saas.calls.find((c) => c.eventId === eventId) : undefined;
  if (order && call) await takeOutcome(order, call, outcome, now, rules, run);
  return run;
};

/**
 * Everything due on one SaaS order now, step by step: giving up provisioning after 24 h, expiry, destruction,
 * then the calls queued, oldest first. Each step is a conditional write; a step another run took first ends it.
 */
export const settleSaasOrder = async (order: OrderItem, now: Date, rules: OrderRules, send: Sender, run: SaasRun) => {
  let current: OrderItem | undefined = order;
  for (let i = 0; current && i < STEPS_PER_ORDER; i++) {
    const step = saasStep(current, now, rules);
    if (!step) return;
    if (step.kind === 'send') {
      // a failed attempt stays at the head after its backoff: nothing is due on the order until then
      current = await sendCall(current, step.call, now, rules, send, run);
      continue;
    }
    const command: CommandInput = step.kind === 'give-up' ? { action: 'auto-cancel' } : { action: step.kind };
    const next = await writeSystem(current, command, now, rules);
    if (!next) {
      run.skipped++;
      return;
    }
    if (step.kind === 'give-up') run.gaveUp++;
    else if (step.kind === 'expire') run.expired++;
    else run.destroyed++;
    current = next;
  }
};

/** Runs `work` on every item, `limit` at a time. */
const pooled = async <T>(items: T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/**
 * Works orders in one lane per provider, all lanes at once: each lane sends at most {@link LANE_CONCURRENCY}
 * calls at once and takes at most {@link LANE_ORDERS_PER_RUN} orders (the rest wait for the next run), so one
 * provider's hanging endpoint delays its own orders only. A failing order is logged and left for the next run.
 */
export const inProviderLanes = async (orders: OrderItem[], settle: (o: OrderItem) => Promise<void>) => {
  const lanes = new Map<string, OrderItem[]>();
  for (const o of orders) lanes.set(o.providerId, [...(lanes.get(o.providerId) ?? []), o]);
  await Promise.all(
    [...lanes.values()].map((lane) =>
      pooled(lane.slice(0, LANE_ORDERS_PER_RUN), LANE_CONCURRENCY, async (o) => {
        try {
          await settle(o);
        } catch (err) {
          logger.error('saas order step failed', { orderId: o.orderId, error: err instanceof Error ? err.message : String(err) });
        }
      }),
    ),
  );
};

/** Access pattern: the SaaS orders due by `now` in one shard of the due index (GSI4 `SAASDUE#<shard>`), every page. */
const dueInShard = async (shard: string, now: Date): Promise<OrderItem[]> => {
  const orders: OrderItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: indexes.GSI4.name,
        KeyConditionExpression: '#pk = :pk AND #sk <= :now',
        ExpressionAttributeNames: { '#pk': indexes.GSI4.pk, '#sk': indexes.GSI4.sk },
        ExpressionAttributeValues: { ':pk': shard, ':now': `${now.toISOString()}#~` },
        Limit: PAGE,
        ExclusiveStartKey: start,
      }),
    );
    // the index names the orders due; the page's orders are read whole (head and body) in one BatchGetItem
    orders.push(...(await readOrders(unwrapRows(page.Items).map(orderIdOf))).filter(isSaas));
    start = page.LastEvaluatedKey;
  } while (start);
  return orders;
};

/**
 * The SaaS orders job (spec 3.1, 6): reads what is due in the SaaS shards of the due index (never a Scan),
 * then settles each order in its provider's lane. Two runs at once, or a run twice, send each attempt once
 * (the claim) and take each status change once (the conditional write).
 */
export const runSaasOrders = async (now: Date, rules: OrderRules, send: Sender): Promise<SaasRun> => {
  const run = emptyRun();
  const due = (await Promise.all(keys.saasDueShards().map((s) => dueInShard(s, now)))).flat();
  run.due = due.length;
  await inProviderLanes(due, (o) => settleSaasOrder(o, now, rules, send, run));
  return run;
};

/** The consumer's step: an order event of a SaaS order sends what is due on it now (the purchase's createInstance, …). */
export const settleSaasOrderNow = async (orderId: string, now: Date, rules: OrderRules, send: Sender) => {
  const run = emptyRun();
  const order = await readOrder(orderId);
  if (order && isSaas(order)) await settleSaasOrder(order, now, rules, send, run);
  return run;
};
