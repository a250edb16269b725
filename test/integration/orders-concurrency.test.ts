import { describe, expect, it } from 'vitest';
import { handler as confirm } from '../../functions/orders/confirm';
import { handler as cancel } from '../../functions/orders/cancel';
import { handler as start } from '../../functions/orders/start';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as getOrder } from '../../functions/orders/get';
import { invoke } from '../support/http';
import { ANSWERS, orderIn } from '../support/orders';
import { must } from '../support/products';

describe('two parties acting at once', () => {
  it('gives exactly one success for 20 simultaneous confirms, 409 for the rest, and one timeline entry', async () => {
    const order = await orderIn('awaiting_confirmation');
    const answers = await Promise.all(Array.from({ length: 20 }, () => invoke(confirm, { as: 'buyer', params: { orderId: order.orderId } })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.currentStatus).toBe('completed');
    const after = must(await invoke(getOrder, { as: 'buyer', params: { orderId: order.orderId } }), 200);
    expect(after.timeline.filter((e: any) => e.action === 'confirm')).toHaveLength(1);
    expect(after.version).toBe(after.timeline.length);
  });

  it('lets exactly one of a buyer’s cancel and the provider’s start win, with a consistent timeline', async () => {
    for (let round = 0; round < 5; round++) {
      const order = await orderIn('awaiting_start');
      const params = { orderId: order.orderId };
      must(await invoke(requirements, { as: 'buyer', params, body: { answers: ANSWERS } }), 200);
      const [cancelled, started] = await Promise.all([
        invoke(cancel, { as: 'buyer', params, body: { reason: 'race' } }),
        invoke(start, { as: 'provider', params }),
      ]);
      expect([cancelled.status, started.status].sort()).toEqual([200, 409]);
      const after = must(await invoke(getOrder, { as: 'operator', params }), 200);
      expect(after.status).toBe(cancelled.status === 200 ? 'cancelled' : 'implementing');
      const last = after.timeline.at(-1);
      expect(last.action).toBe(cancelled.status === 200 ? 'cancel' : 'start');
      expect(after.timeline.filter((e: any) => ['cancel', 'start'].includes(e.action))).toHaveLength(1);
      // every entry starts where the previous one ended
      for (let i = 1; i < after.timeline.length; i++) expect(after.timeline[i].from).toBe(after.timeline[i - 1].to);
    }
  });

  it('keeps one answer per requirement edit when the buyer submits twice at once', async () => {
    const order = await orderIn('awaiting_start');
    const params = { orderId: order.orderId };
    const answers = await Promise.all([
      invoke(requirements, { as: 'buyer', params, body: { answers: { host: 'a' } } }),
      invoke(requirements, { as: 'buyer', params, body: { answers: { host: 'b' } } }),
    ]);
    const ok = answers.filter((a) => a.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const refused of answers.filter((a) => a.status !== 200)) expect(refused.body.code).toBe('VERSION_CONFLICT');
    const after = must(await invoke(getOrder, { as: 'buyer', params }), 200);
    expect(after.version).toBe(after.timeline.length);
  });
});
