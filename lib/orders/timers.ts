import { forEachDuePage } from '../db/due';
import { keys } from '../db/keys';
import { DomainError } from '../http/errors';
import type { CommandInput, OrderRules } from './model';
import { StaleOrder, writeOrderCommand } from './repository';
import { dueStep } from './schedule';
import type { OrderItem } from './schemas';
import { readOrders } from './layout';

const SYSTEM = { id: 'system', role: 'system' as const };

/** The order an index entry is of, from its table key. */
export const orderIdOf = (item: Record<string, unknown>) => String(item.PK).slice('ORDER#'.length);
const PAGE = 100;
const CONCURRENCY = 10;

export interface TimerRun {
  due: number;
  reminded: number;
  confirmed: number;
  cancelled: number;
  /** Steps another run or a person took first: the conditional write refused them. */
  skipped: number;
}

/** Takes every step due for one order now: reminders first, then at most one automatic transition. */
const settle = async (order: OrderItem, now: Date, rules: OrderRules, run: TimerRun) => {
  let current = order;
  for (let guard = 0; guard < 10; guard++) {
    const due = dueStep(current, now, rules);
    if (!due) return;
    const { step, covers } = due;
    try {
      const command: CommandInput =
        step.action === 'remind'
          ? { action: 'remind', reminder: step.reminder!, covers, recipient: step.recipient! }
          : { action: step.action };
      const written = await writeOrderCommand({ actor: SYSTEM, orderId: current.orderId, command, now, rules }, current);
      current = written.order;
    } catch (err) {
      // a person or another run acted first: the next run sees what is due then
      if (err instanceof DomainError || err instanceof StaleOrder) {
        run.skipped++;
        return;
      }
      throw err;
    }
    if (step.action === 'remind') {
      run.reminded++;
      continue;
    }
    if (step.action === 'auto-confirm') run.confirmed++;
    else run.cancelled++;
    return;
  }
};

/** One shard of the due index, every page, up to `now`. */
const settleShard = (shard: string, now: Date, rules: OrderRules, run: TimerRun, pageSize: number) =>
  forEachDuePage(shard, now, pageSize, async (items) => {
    // the index names the orders due; the page's orders are read whole (head and body) in one BatchGetItem
    run.due += items.length;
    const orders = await readOrders(items.map(orderIdOf));
    for (let i = 0; i < orders.length; i += CONCURRENCY) {
      await Promise.all(orders.slice(i, i + CONCURRENCY).map((o) => settle(o, now, rules, run)));
    }
  });

/**
 * The order timers job (spec section 6): reminders, auto-confirm after 15 days awaiting confirmation,
 * auto-cancel with refund after 15 days awaiting start. Every step is the same conditional write as a
 * person's action, with actor `system`, so two runs at once, or a run racing a person, apply it once.
 */
export const runOrderTimers = async (now: Date, rules: OrderRules, pageSize = PAGE): Promise<TimerRun> => {
  const run: TimerRun = { due: 0, reminded: 0, confirmed: 0, cancelled: 0, skipped: 0 };
  await Promise.all(keys.dueShards().map((shard) => settleShard(shard, now, rules, run, pageSize)));
  return run;
};
