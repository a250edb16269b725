import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.TABLE_NAME = 'MarketDashboard';
});

import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { handler as dashboard } from '../../functions/dashboard/get';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as urge } from '../../functions/orders/urge';
import { handler as appeal } from '../../functions/orders/appeal';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { datesBetween, dayOf } from '../../lib/dashboard/model';
import { countRoundTrips, MEMBERSHIP_READ } from '../support/db';
import { invoke } from '../support/http';
import { orderIn } from '../support/orders';
import { must } from '../support/products';
import { batchFor, runStream } from '../support/stream';

const today = () => dayOf(new Date().toISOString());
const read = async (query: Record<string, string>, as: 'provider' | 'provider2' = 'provider') =>
  must(await invoke(dashboard, { as, query }), 200);

describe('GET /provider/dashboard', () => {
  it('matches a hand count after the stream delivered every entry, and again after the batches were replayed', async () => {
    // Prepare: four orders of provider2 in different states
    const opts = { provider: 'provider2' as const, buyer: 'buyer' as const };
    const completed = await orderIn('completed', opts);
    const cancelled = await orderIn('cancelled', opts);
    const waiting = await orderIn('awaiting_confirmation', opts);
    must(await invoke(urge, { as: 'provider2', params: { orderId: waiting.orderId } }), 200);
    const disputed = await orderIn('appealable', opts);
    must(await invoke(appeal, { as: 'buyer', params: { orderId: disputed.orderId }, body: { reason: 'stalled' } }), 200);
    const orders = [completed, cancelled, waiting, disputed];
    const batches = await Promise.all(orders.map((o) => batchFor(keys.orderPartition(o.orderId))));
    const everything = { Records: batches.flatMap((b) => b.Records) };

    // Act: deliver, then replay each batch and the whole lot in reverse
    for (const b of batches) expect((await runStream(b)).batchItemFailures).toEqual([]);
    const once = await read({ from: today(), to: today() }, 'provider2');
    for (const b of batches) await runStream(b);
    await runStream({ Records: [...everything.Records].reverse() });
    const replayed = await read({ from: today(), to: today() }, 'provider2');

    // Assess: the hand count
    const amount = 160_000; // two of the 800.00 plan
    const hand = {
      orders: 4,
      revenue: 4 * amount,
      refunds: amount,
      completed: 1,
      cancelled: 1,
      urges: 1,
      appeals: 1,
      rejectedCompletions: 3,
    };
    expect(once.totals).toEqual(hand);
    expect(once.days).toEqual([{ date: today(), ...hand }]);
    expect(once.ordersByStatus).toEqual({
      awaiting_start: 0,
      implementing: 0,
      awaiting_confirmation: 1,
      completed: 1,
      cancelled: 1,
      disputed: 1,
      // the statuses of automatic delivery are counted too (none of these orders has them)
      provisioning: 0,
      active: 0,
      expired: 0,
      destroyed: 0,
      delivered: 0,
    });
    // averages from the timelines themselves: purchase → first start, first start → completion
    const timelines = await Promise.all(orders.map(async (o) => must(await invoke(getOrder, { as: 'provider2', params: { orderId: o.orderId } }), 200)));
    const hours = (ms: number[]) => Math.round((ms.reduce((a, b) => a + b, 0) / ms.length / 3_600_000) * 10) / 10;
    const at = (o: any, action: string) => Date.parse(o.timeline.find((e: any) => e.action === action).at);
    const started = timelines.filter((o) => o.timeline.some((e: any) => e.action === 'start'));
    expect(once.averageHours.purchaseToStart).toBe(hours(started.map((o) => at(o, 'start') - Date.parse(o.createdAt))));
    expect(once.averageHours.startToCompletion).toBe(hours([at(timelines[0], 'confirm') - at(timelines[0], 'start')]));
    expect(replayed).toEqual(once);
  }, 120_000);

  it('costs one Query and one GetItem for any period, whatever the provider’s history', async () => {
    // a provider with a year of busy days: 366 day items
    const providerId = (await import('../support/http')).user('provider').id;
    const days = datesBetween('2025-01-01', '2026-01-01');
    for (let i = 0; i < days.length; i += 25) {
      await ddb.send(
        new BatchWriteCommand({
          RequestItems: {
            [tableName]: days.slice(i, i + 25).map((day) => ({
              PutRequest: { Item: { PK: keys.dashboard(providerId), SK: keys.dashboardDay(day), type: 'dashboard-day', day, orders: 30, revenue: 30_000 } },
            })),
          },
        }),
      );
    }
    const { result, roundTrips } = await countRoundTrips(() => read({ from: '2025-01-01', to: '2026-01-01' }));
    // the caller's memberships (who they act for), then the dashboard's own Query and GetItem
    expect(roundTrips).toBe(MEMBERSHIP_READ + 2);
    expect(result.days).toHaveLength(366);
    expect(result.totals.orders).toBe(366 * 30);
    expect(result.totals.revenue).toBe(366 * 30_000);
    const small = await countRoundTrips(() => read({ from: '2025-03-01', to: '2025-03-07' }));
    expect(small.roundTrips).toBe(MEMBERSHIP_READ + 2);
    expect(small.result.totals.orders).toBe(7 * 30);
  });

  it('answers 400 for a period longer than 366 days or inverted, and zero-fills a quiet period', async () => {
    for (const query of <Record<string, string>[]>[
      { from: '2025-01-01', to: '2026-01-02' },
      { from: '2026-02-01', to: '2026-01-01' },
      { from: '2026-02-30', to: '2026-03-01' },
      { from: 'yesterday' },
    ]) {
      const res = await invoke(dashboard, { as: 'provider', query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    const quiet = await read({ from: '2020-01-01', to: '2020-01-03' }, 'provider2');
    expect(quiet.days.map((d: any) => d.orders)).toEqual([0, 0, 0]);
    expect(quiet.averageHours).toEqual({ purchaseToStart: null, startToCompletion: null });
    const defaults = await read({});
    expect(defaults.days).toHaveLength(30);
    expect(defaults.to).toBe(today());
  });

  it('answers 400 naming the field for a day outside 1970–9999, and starts a default period no earlier than 1970-01-01', async () => {
    for (const [field, query] of <[string, Record<string, string>][]>[
      ['to', { to: '0000-01-05' }],
      ['from', { from: '1969-12-31', to: '1970-01-02' }],
      ['to', { from: '1970-01-01', to: '1969-12-31' }],
      ['from', { from: '0001-01-01' }],
    ]) {
      const res = await invoke(dashboard, { as: 'provider', query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.errors.map((e: any) => e.path), JSON.stringify(query)).toContain(field);
    }
    const first = await read({ to: '1970-01-05' }, 'provider2');
    expect(first).toMatchObject({ from: '1970-01-01', to: '1970-01-05' });
    expect(first.days.map((d: any) => d.date)).toEqual(datesBetween('1970-01-01', '1970-01-05'));
    const last = await read({ from: '9999-12-01', to: '9999-12-31' }, 'provider2');
    expect(last.days).toHaveLength(31);
    expect(last.days.at(-1).date).toBe('9999-12-31');
  });
});
