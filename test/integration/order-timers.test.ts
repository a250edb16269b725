import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketTimers';
});

import { handler as orderTimersHandler } from '../../functions/jobs/order-timers';
import { handler as confirm } from '../../functions/orders/confirm';
import { handler as getOrder } from '../../functions/orders/get';
import { config } from '../../lib/config';
import { keys } from '../../lib/db/keys';
import { runOrderTimers as runTimers } from '../../lib/orders/timers';
import { asFunction } from '../support/dynamodb-calls';
import { countRoundTrips, readItem } from '../support/db';
import { invoke } from '../support/http';
import { clearDueIndex } from '../support/isolated-table';

// the job's runs are the orderTimers function's DynamoDB calls
const orderTimers: typeof orderTimersHandler = (event) => asFunction(orderTimersHandler, () => orderTimersHandler(event));
const runOrderTimers: typeof runTimers = (...args) => asFunction(orderTimersHandler, () => runTimers(...args));
import { orderIn } from '../support/orders';
import { must } from '../support/products';

const DAY = 24 * 3600 * 1000;
const rules = config.orders;
const since = async (orderId: string) => Date.parse((await readItem(keys.order(orderId)))!.statusSince as string);
const view = async (orderId: string) => must(await invoke(getOrder, { as: 'operator', params: { orderId } }), 200);
const scheduleEvent = (time: number) => ({
  ...JSON.parse(readFileSync(join(__dirname, '../../events/schedule-order-timers.json'), 'utf8')),
  time: new Date(time).toISOString(),
});

beforeEach(clearDueIndex);

describe('order timers (scheduled job)', () => {
  it('reminds the buyer after 1 and 7 days and 1 day before auto-confirm, then auto-confirms after 15 days', async () => {
    const order = await orderIn('awaiting_confirmation');
    const t = await since(order.orderId);

    expect((await runOrderTimers(new Date(t + DAY - 1), rules)).reminded).toBe(0);
    expect((await runOrderTimers(new Date(t + DAY), rules)).reminded).toBe(1);
    expect((await runOrderTimers(new Date(t + DAY + 1000), rules)).reminded).toBe(0);
    expect((await runOrderTimers(new Date(t + 7 * DAY), rules)).reminded).toBe(1);
    expect((await runOrderTimers(new Date(t + 14 * DAY), rules)).reminded).toBe(1);
    const run = await runOrderTimers(new Date(t + 15 * DAY), rules);
    expect(run).toMatchObject({ confirmed: 1, reminded: 0 });

    const after = await view(order.orderId);
    expect(after.status).toBe('completed');
    const auto = after.timeline.slice(-4);
    expect(auto.map((e: any) => [e.action, e.actor, e.data.recipient ?? null])).toEqual([
      ['remind', 'system', 'buyer'],
      ['remind', 'system', 'buyer'],
      ['remind', 'system', 'buyer'],
      ['auto-confirm', 'system', null],
    ]);
    expect(auto[3]).toMatchObject({ from: 'awaiting_confirmation', to: 'completed', role: 'system' });
    expect((await readItem(keys.order(order.orderId)))?.GSI4PK).toBeUndefined();
  });

  it('reminds the provider after 2 days awaiting start, exactly at the threshold, and auto-cancels with refund after 15', async () => {
    const order = await orderIn('awaiting_start');
    const t = await since(order.orderId);
    const [a, b] = await Promise.all([
      runOrderTimers(new Date(t + 2 * DAY), rules),
      runOrderTimers(new Date(t + 2 * DAY), rules),
    ]);
    expect(a.reminded + b.reminded).toBe(1);
    const cancelled = await orderTimers(scheduleEvent(t + 15 * DAY));
    expect(cancelled.cancelled).toBe(1);
    const after = await view(order.orderId);
    expect(after).toMatchObject({ status: 'cancelled', refund: { amount: order.amount } });
    expect(after.timeline.map((e: any) => e.action)).toEqual(['create', 'remind', 'auto-cancel']);
    expect(after.timeline[1].data.recipient).toBe('provider');
  });

  it('sends each reminder once when the job runs twice, or twice at once', async () => {
    const order = await orderIn('awaiting_confirmation');
    const t = await since(order.orderId);
    await Promise.all([runOrderTimers(new Date(t + DAY), rules), runOrderTimers(new Date(t + DAY), rules)]);
    await runOrderTimers(new Date(t + DAY), rules);
    const after = await view(order.orderId);
    expect(after.timeline.filter((e: any) => e.action === 'remind')).toHaveLength(1);
  });

  it('sends only the latest missed reminder when the job was down for days', async () => {
    const order = await orderIn('awaiting_confirmation');
    const t = await since(order.orderId);
    expect((await runOrderTimers(new Date(t + 8 * DAY), rules)).reminded).toBe(1);
    expect((await runOrderTimers(new Date(t + 8 * DAY), rules)).reminded).toBe(0);
    expect((await runOrderTimers(new Date(t + 14 * DAY), rules)).reminded).toBe(1);
  });

  it('gives exactly one completion when the buyer confirms while auto-confirm runs', async () => {
    for (let round = 0; round < 4; round++) {
      const order = await orderIn('awaiting_confirmation');
      const t = await since(order.orderId);
      // the job's clock is past the threshold; the buyer acts at the same moment
      const [run, byBuyer] = await Promise.all([
        runOrderTimers(new Date(t + 15 * DAY), rules),
        invoke(confirm, { as: 'buyer', params: { orderId: order.orderId } }),
      ]);
      const after = await view(order.orderId);
      const completions = after.timeline.filter((e: any) => e.action === 'confirm' || e.action === 'auto-confirm');
      expect(completions).toHaveLength(1);
      expect(after.status).toBe('completed');
      expect(byBuyer.status === 200).toBe(run.confirmed === 0);
    }
  });

  it('handles every due order when there are more than fit in one page, in O(N) calls with no Scan', async () => {
    const orders = [];
    for (let i = 0; i < 30; i++) orders.push(await orderIn('awaiting_start'));
    const latest = Math.max(...(await Promise.all(orders.map((o) => since(o.orderId)))));
    const { result, roundTrips } = await countRoundTrips(() => runOrderTimers(new Date(latest + 2 * DAY), rules, 2));
    expect(result.reminded).toBe(30);
    // 16 shard queries, at most one more query per page of 2, one read of each page's due orders (heads and
    // bodies, one BatchGetItem: at least 15 pages hold the 30) and one write per reminder
    expect(roundTrips).toBeGreaterThanOrEqual(16 + 15 + 30);
    expect(roundTrips).toBeLessThanOrEqual(16 + 16 + 15 + (16 + 15) + 30);
    // nothing due: a run costs one query per shard, whatever the table holds
    const idle = await countRoundTrips(() => runOrderTimers(new Date(latest + 2 * DAY), rules, 2));
    expect(idle.result.reminded).toBe(0);
    expect(idle.roundTrips).toBe(16 + 0);
  });

  it('keeps orders that nobody waits for out of the due index', async () => {
    const implementing = await orderIn('implementing');
    expect((await readItem(keys.order(implementing.orderId)))?.GSI4PK).toBeUndefined();
    const waiting = await orderIn('awaiting_confirmation');
    expect((await readItem(keys.order(waiting.orderId)))?.GSI4PK).toMatch(/^DUE#\d+$/);
  });
});
