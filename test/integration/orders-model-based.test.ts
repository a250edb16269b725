import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as buy } from '../../functions/orders/create';
import { config } from '../../lib/config';
import { applyCommand, orderRules, refusalOf, type CommandInput, type OrderCommand } from '../../lib/orders/model';
import type { OrderItem } from '../../lib/orders/schemas';
import { readOrder } from '../../lib/orders/layout';
import type { TestUser } from '../support/global-setup';
import { invoke } from '../support/http';
import { commandHandlers } from '../support/order-commands';
import { ANSWERS, listedProduct } from '../support/orders';
import { must } from '../support/products';

type Party = Exclude<TestUser, never>;
const PARTIES: Party[] = ['buyer', 'buyer2', 'provider', 'provider2', 'operator'];
const roleOf = (p: Party) => (p.startsWith('buyer') ? 'buyer' : p.startsWith('provider') ? 'provider' : 'operator') as 'buyer' | 'provider' | 'operator';

const HANDLERS: Partial<Record<OrderCommand, Parameters<typeof invoke>[0]>> = commandHandlers;
const HTTP_ACTIONS = Object.keys(HANDLERS) as OrderCommand[];

interface Model {
  order: OrderItem;
  accepted: number;
}
interface Real {
  orderId: string;
}

const bodyFor = (action: OrderCommand, variant: number) => {
  switch (action) {
    case 'submit-requirements':
      return variant % 4 === 0 ? { answers: { cores: 'eight' } } : { answers: ANSWERS };
    case 'complete':
      return { note: `delivered ${variant}` };
    case 'message':
      return { text: `message ${variant}` };
    case 'resolve':
      return { outcome: (['completed', 'cancelled', 'implementing'] as const)[variant % 3], note: 'settled' };
    case 'reject-requirements':
    case 'reject-completion':
    case 'cancel':
    case 'appeal':
      return { reason: `reason ${variant}` };
    default:
      return undefined;
  }
};

/** The stored order whole: its head and its body, in the same partition. */
const storedOrder = async (orderId: string) => (await readOrder(orderId))!;

/** What the spec says the system must answer, from the model alone. */
const predict = (m: Model, action: OrderCommand, party: Party, body: any): number => {
  const role = roleOf(party);
  // every account is a buyer (spec 2): a buyer's command by anyone but the order's buyer is someone else's order
  if (!orderRules[action].roles.includes(role)) return orderRules[action].roles.includes('buyer') ? 404 : 403;
  if ((role === 'buyer' && party !== 'buyer') || (role === 'provider' && party !== 'provider')) return 404;
  const refusal = refusalOf(m.order, action, role, new Date(), config.orders);
  if (refusal) return refusal.kind === 'urged-recently' ? 429 : 409;
  if (action === 'submit-requirements' && typeof body.answers.cores === 'string') return 400;
  return 200;
};

class Act implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly action: OrderCommand,
    readonly party: Party,
    readonly variant: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const body = bodyFor(this.action, this.variant);
    const expected = predict(m, this.action, this.party, body);
    const res = await invoke(HANDLERS[this.action]!, { as: this.party, params: { orderId: r.orderId }, body });
    expect(res.status, `${this} in ${m.order.status}: ${JSON.stringify(res.body)}`).toBe(expected);
    // the order is its head and its body, in the same partition
    const stored = await storedOrder(r.orderId);
    if (res.status === 200) {
      const next = applyCommand(m.order, { ...body, action: this.action } as CommandInput, { id: 'x', role: roleOf(this.party) }, new Date());
      m.accepted++;
      // the clocks are the system's; everything else must be what the model predicted
      m.order = { ...next, turnSince: stored.turnSince, statusSince: stored.statusSince, updatedAt: stored.updatedAt, lastUrgedAt: stored.lastUrgedAt, completedAt: stored.completedAt, refundedAt: stored.refundedAt, deliveryNote: stored.deliveryNote, appeal: stored.appeal, resolution: stored.resolution };
    }
    expect(stored.status).toBe(m.order.status);
    expect(stored.version).toBe(m.accepted);
    expect(stored.requirements.status).toBe(m.order.requirements.status);
    expect(stored.completionRejections).toBe(m.order.completionRejections);

    const view = must(await invoke(getOrder, { as: 'operator', params: { orderId: r.orderId } }), 200);
    expect(view.timeline).toHaveLength(m.accepted);
    expect(view.timeline[0]).toMatchObject({ action: 'create', from: null, to: 'awaiting_start' });
    for (let i = 1; i < view.timeline.length; i++) {
      const e = view.timeline[i];
      expect(e.from).toBe(view.timeline[i - 1].to);
      expect(orderRules[e.action as OrderCommand].from).toContain(e.from);
    }
    expect(view.timeline.at(-1).to).toBe(stored.status);
  }
  toString() {
    return `${this.party}:${this.action}#${this.variant}`;
  }
}

describe('orders against the model (random sequences by random parties)', () => {
  it('agrees with the model on every answer, status, version and timeline', async () => {
    const product = await listedProduct();
    // Mostly the party the rule names, so that sequences reach deep into the machine; sometimes anyone.
    const rightParty = (a: OrderCommand): Party => (orderRules[a].roles[0] === 'operator' ? 'operator' : (orderRules[a].roles[0] as Party));
    const commands = fc
      .tuple(fc.constantFrom(...HTTP_ACTIONS), fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.constantFrom(...PARTIES), weight: 1 }), fc.nat(11))
      .map(([a, p, v]) => new Act(a, p ?? rightParty(a), v));
    await fc.assert(
      fc.asyncProperty(fc.commands([commands], { maxCommands: 18 }), async (cmds) => {
        const created = must(await invoke(buy, { as: 'buyer', body: { productId: product.productId, planId: 'basic' } }), 201);
        const order = await storedOrder(created.orderId);
        await fc.asyncModelRun(() => ({ model: { order, accepted: 1 }, real: { orderId: created.orderId } }), cmds);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
