import { describe, expect, it } from 'vitest';
import { applyCommand, commandOf, ORDER_COMMANDS, toOrderView, type CommandInput, type Language } from '../../lib/orders/model';
import type { OrderItem, TimelineEntry } from '../../lib/orders/schemas';
import { inputOf, orderOf } from '../support/order-fixtures';

const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();

/** The order after the purchase and then each command, with the timeline the repository would keep. */
const history = (start: OrderItem, inputs: CommandInput[]) => {
  let o = start;
  const timeline: TimelineEntry[] = [
    { entryId: 'e1', orderId: o.orderId, version: 1, action: 'create', actor: o.buyerId, role: 'buyer', at: at(0), from: null, to: o.status, data: {} },
  ];
  inputs.forEach((input, i) => {
    const role = commandOf(input.action).roles[0];
    const next = applyCommand(o, input, { id: 'someone', role }, new Date(at(i + 1)));
    timeline.push({
      entryId: `e${i + 2}`,
      orderId: o.orderId,
      version: next.version,
      action: input.action,
      actor: 'someone',
      role,
      at: next.updatedAt,
      from: o.status,
      to: next.status,
      data: {},
    });
    o = next;
  });
  return { o, timeline };
};

const labelsOf = (start: OrderItem, inputs: CommandInput[], lang: Language) => {
  const { o, timeline } = history(start, inputs);
  const view = toOrderView(o, lang, timeline);
  return { view, entries: (view.timeline ?? []).map((e) => [e.labels.from, e.labels.to]) };
};

describe('timeline labels', () => {
  const steps = [inputOf('submit-requirements'), inputOf('reject-requirements'), inputOf('submit-requirements'), inputOf('start')];

  it('names the buyer’s status 待提交需求单 while the form is due, as the order’s own labels do', () => {
    const { view, entries } = labelsOf(orderOf(), steps, 'zh');
    const due = { provider: '待实施', buyer: '待提交需求单' };
    const waiting = { provider: '待实施', buyer: '待服务商实施' };
    expect(entries).toEqual([
      [null, due],
      [due, waiting],
      [waiting, due],
      [due, waiting],
      [waiting, { provider: '实施中', buyer: '实施中' }],
    ]);
    expect(view.labels).toEqual(view.timeline?.at(-1)?.labels.to);
  });

  it('names it 待服务商实施 throughout for a product without a form', () => {
    const noForm = orderOf({ product: { ...orderOf().product, requirementsTemplate: [], requirementsBeforeStart: false } });
    const { entries } = labelsOf(noForm, [inputOf('start')], 'zh');
    const waiting = { provider: '待实施', buyer: '待服务商实施' };
    expect(entries).toEqual([
      [null, waiting],
      [waiting, { provider: '实施中', buyer: '实施中' }],
    ]);
  });

  it('answers in the reader’s language', () => {
    const { entries } = labelsOf(orderOf(), steps.slice(0, 2), 'en');
    const due = { provider: 'Awaiting start', buyer: 'Requirements needed' };
    const waiting = { provider: 'Awaiting start', buyer: 'Awaiting provider' };
    expect(entries).toEqual([
      [null, due],
      [due, waiting],
      [waiting, due],
    ]);
  });

  it('walks the entries in version order whatever order they come in', () => {
    const { o, timeline } = history(orderOf(), steps.slice(0, 2));
    const shuffled = [timeline[2], timeline[0], timeline[1]];
    const byId = (v: ReturnType<typeof toOrderView>) => Object.fromEntries((v.timeline ?? []).map((e) => [e.entryId, e.labels]));
    expect(byId(toOrderView(o, 'zh', shuffled))).toEqual(byId(toOrderView(o, 'zh', timeline)));
  });

  it('each command declares the requirements status its effect leaves', () => {
    for (const action of ORDER_COMMANDS) {
      const before = orderOf({ requirements: { status: 'submitted', answers: { host: 'h' } } });
      const after = applyCommand(before, inputOf(action), { id: 'someone', role: commandOf(action).roles[0] }, new Date(at(1)));
      expect(after.requirements.status, action).toBe(commandOf(action).requirements ?? before.requirements.status);
    }
  });
});
