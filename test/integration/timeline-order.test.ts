import { describe, expect, it } from 'vitest';
import { handler as getOrder } from '../../functions/orders/get';
import { config } from '../../lib/config';
import { orderRules, targetStatus, type OrderCommand } from '../../lib/orders/model';
import { runOrderCommand } from '../../lib/orders/repository';
import type { OrderStatus } from '../../lib/orders/schemas';
import type { TestUser } from '../support/global-setup';
import { invoke, user } from '../support/http';
import { ANSWERS, orderIn, type OrderStage } from '../support/orders';
import { inputOf } from '../support/order-fixtures';
import { must } from '../support/products';
import { bodyOf, commandHandlers } from '../support/order-commands';

/** Where each person's command can be taken from, and what it needs. */
const SETUPS: Array<{ stage: OrderStage; status: OrderStatus; first: OrderCommand[] }> = [
  { stage: 'requirements_submitted', status: 'awaiting_start', first: ['submit-requirements', 'reject-requirements', 'start', 'cancel'] },
  { stage: 'implementing', status: 'implementing', first: ['complete'] },
  { stage: 'awaiting_confirmation', status: 'awaiting_confirmation', first: ['urge', 'confirm', 'reject-completion'] },
  { stage: 'appealable', status: 'implementing', first: ['appeal', 'complete'] },
  { stage: 'disputed', status: 'disputed', first: ['resolve'] },
];

const PERSON_COMMANDS = (Object.keys(orderRules) as OrderCommand[]).filter((c) => !orderRules[c].roles.includes('system'));

const actorOf = (action: OrderCommand): TestUser =>
  orderRules[action].roles.includes('operator') ? 'operator' : orderRules[action].roles.includes('buyer') ? 'buyer' : 'provider';

const commandOf = (action: OrderCommand) =>
  inputOf(action, { text: `message after ${action}`, answers: ANSWERS, note: `note for ${action}`, reason: `reason for ${action}` });

/** Every pair (a, b) where b can be taken from the status a leaves the order in. */
const PAIRS = SETUPS.flatMap((s) =>
  s.first.flatMap((a) => {
    const after = targetStatus(s.status, inputOf(a, { outcome: 'implementing' }));
    return PERSON_COMMANDS.filter((b) => orderRules[b].from.includes(after)).map((b) => ({ setup: s, a, b }));
  }),
);

const expectVersionOrderedPath = (order: { version: number; timeline: any[] }) => {
  expect(order.timeline.map((e) => e.version)).toEqual(order.timeline.map((_, i) => i + 1));
  expect(order.version).toBe(order.timeline.length);
  for (let i = 1; i < order.timeline.length; i++) {
    expect(order.timeline[i].from, `entry ${i} (${order.timeline[i].action})`).toBe(order.timeline[i - 1].to);
  }
};

describe('the timeline is ordered by the order’s version', () => {
  it('covers a meaningful set of pairs', () => {
    expect(PAIRS.length).toBeGreaterThan(20);
  });

  it.each(PAIRS.map((p) => [`${p.a} then ${p.b}`, p] as const))(
    'reads as a path when %s commits after it but arrived earlier',
    async (_name, { setup, a, b }) => {
      const order = await orderIn(setup.stage);
      const orderId = order.orderId as string;
      const later = new Date();
      const earlier = new Date(later.getTime() - 50);
      const as = (action: OrderCommand) => ({ id: user(actorOf(action)).id, role: actorOf(action) as 'buyer' | 'provider' | 'operator' });
      await runOrderCommand({ actor: as(a), orderId, command: commandOf(a), now: later, rules: config.orders });
      // b's request arrived first (its clock is earlier) but its write commits second
      await runOrderCommand({ actor: as(b), orderId, command: commandOf(b), now: earlier, rules: config.orders }).catch(
        () => undefined,
      );
      const after = must(await invoke(getOrder, { as: 'operator', params: { orderId } }), 200);
      expectVersionOrderedPath(after);
      expect(after.timeline.at(-1).action === b || after.timeline.at(-1).action === a).toBe(true);
    },
  );

  it.each(PAIRS.map((p) => [`${p.a} and ${p.b}`, p] as const))('reads as a path when %s are sent together', async (_name, { setup, a, b }) => {
    const order = await orderIn(setup.stage);
    const params = { orderId: order.orderId as string };
    const send = (action: OrderCommand) =>
      invoke(commandHandlers[action as keyof typeof commandHandlers], { as: actorOf(action), params, body: bodyOf(action) });
    const answers = await Promise.all([send(b), send(a)]);
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
    const after = must(await invoke(getOrder, { as: 'operator', params }), 200);
    expectVersionOrderedPath(after);
  });
});
