import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handler as operatorOrders } from '../../functions/operator/orders';
import { handler as listProvider } from '../../functions/orders/list-provider';
import { handler as dashboard } from '../../functions/dashboard/get';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as rate } from '../../functions/reviews/create';
import { handler as edit } from '../../functions/reviews/edit';
import { handler as reply } from '../../functions/reviews/reply';
import { handler as ratings } from '../../functions/reviews/list';
import { invoke, user } from '../support/http';
import { orderIn } from '../support/orders';
import { must } from '../support/products';
import { BIDI, CONTROL, hasVisible, isWellFormed } from '../../lib/shared/text';

type Answer = Awaited<ReturnType<typeof invoke>>;

/** A 4xx is a problem naming its code; nothing a client sends is a 5xx. */
const expectNoServerError = (res: Answer, input: unknown) => {
  expect(res.status, JSON.stringify(input)).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers['content-type'], JSON.stringify(input)).toBe('application/problem+json');
    expect(res.body.code).toMatch(/^[A-Z_]+$/);
  }
};

const EARLIEST = Date.parse('1970-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
const HOUR = 3600_000;

/**
 * An ISO time as a client writes it: a wall-clock time of years 0000–9999 and an offset of −14:00 … +14:00,
 * weighted towards the edges of 1970 and 9999, so its instant often falls just outside what keys hold.
 */
const clientTime = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59Z') }),
      fc.integer({ min: EARLIEST - 15 * HOUR, max: EARLIEST + 15 * HOUR }),
      fc.integer({ min: LATEST - 15 * HOUR, max: LATEST }),
    ),
    fc.integer({ min: -14 * 4, max: 14 * 4 }).map((quarters) => quarters * 15),
  )
  .map(([wall, offsetMin]) => {
    const sign = offsetMin < 0 ? '-' : '+';
    const abs = Math.abs(offsetMin);
    const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return new Date(wall).toISOString().slice(0, 19) + (offsetMin === 0 ? 'Z' : offset);
  });
const keyHolds = (t: string) => Date.parse(t) >= EARLIEST && Date.parse(t) <= LATEST;

describe('instants outside 1970–9999 in list filters: a 400 naming the field, never a 500', () => {
  it('operator order search, on every principal, and the provider’s own list alike', async () => {
    await orderIn('awaiting_start', { buyer: 'buyer2', provider: 'provider2' });
    const principal = fc.constantFrom<Record<string, string>>(
      {},
      { providerId: user('provider2').id },
      { buyerId: user('buyer2').id },
      { status: 'awaiting_start' },
      { status: 'disputed' },
      { orderId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
    );
    await fc.assert(
      fc.asyncProperty(principal, fc.option(clientTime, { nil: undefined }), fc.option(clientTime, { nil: undefined }), async (p, from, to) => {
        const range = { ...(from ? { createdFrom: from } : {}), ...(to ? { createdTo: to } : {}) };
        const query = { ...p, ...range };
        const res = await invoke(operatorOrders, { as: 'operator', query });
        expectNoServerError(res, query);
        const outside = Object.entries(range).filter(([, v]) => !keyHolds(v)).map(([k]) => k);
        if (outside.length) {
          expect(res.status, JSON.stringify(query)).toBe(400);
          expect(res.body.errors.map((e: any) => e.path).sort(), JSON.stringify(query)).toEqual(expect.arrayContaining(outside));
        } else {
          const inverted = from && to && Date.parse(from) > Date.parse(to);
          expect(res.status, JSON.stringify(query)).toBe(inverted ? 400 : 200);
          if (!inverted) {
            for (const o of res.body.items) {
              if (from) expect(Date.parse(o.createdAt)).toBeGreaterThanOrEqual(Date.parse(from));
              if (to) expect(Date.parse(o.createdAt)).toBeLessThanOrEqual(Date.parse(to));
            }
          }
        }
        // the provider's list takes the same fields by the same rule
        if (Object.keys(p).length === 0) {
          const own = await invoke(listProvider, { as: 'provider2', query: range });
          expect(own.status, JSON.stringify(range)).toBe(res.status);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('dashboard days of any four-digit year', async () => {
    const day = fc
      .oneof(
        fc.integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T00:00:00Z') }),
        fc.integer({ min: EARLIEST - 40 * 24 * HOUR, max: EARLIEST + 40 * 24 * HOUR }),
        fc.integer({ min: LATEST - 40 * 24 * HOUR, max: LATEST }),
      )
      .map((t) => new Date(t).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), async (from, to) => {
        const query = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
        const res = await invoke(dashboard, { as: 'provider2', query });
        expectNoServerError(res, query);
        const outside = Object.entries(query).filter(([, v]) => v < '1970-01-01').map(([k]) => k);
        if (outside.length) expect(res.body.errors.map((e: any) => e.path), JSON.stringify(query)).toEqual(expect.arrayContaining(outside));
        if (res.status === 200) {
          for (const d of [res.body.from, res.body.to, ...res.body.days.map((x: any) => x.date)]) {
            expect(d, JSON.stringify(query)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(d >= '1970-01-01' && d <= '9999-12-31', JSON.stringify(query)).toBe(true);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

/** Text an adversary writes: lone surrogates, text-direction controls, zero-width characters, with or without visible text. */
const PIECES = [
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00', // halves of pairs
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', // direction
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', // zero-width
  ' ', '\n', '\t', '\u0000', '\u001b',
  'a', '好', '😀', '👨‍👩‍👧', 'é',
];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const hostileText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...ZERO_WIDTH), { minLength: 1, maxLength: 20 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 10 }).map((s) => `invoice\u202e${s}fdp.exe`),
  fc.constant('x'.repeat(499) + '\ud83d\ude00'),
);

/** Whether a rating's text is refused: not well-formed, too long, control or direction characters, or nothing visible. */
const refused = (text: string, emptyAllowed: boolean) => {
  const t = text.trim();
  // zod counts characters (code points), not UTF-16 units
  if (!isWellFormed(text) || [...t].length > 500 || CONTROL.test(t) || BIDI.test(t)) return true;
  return t === '' ? !emptyAllowed : !hasVisible(t);
};
/** A refused text is a 400 naming the field; an accepted one is a success, or 409 when the rating or reply exists. */
const expectJudged = (res: Answer, field: string, text: string, emptyAllowed: boolean, ok: number[]) => {
  expectNoServerError(res, text);
  if (refused(text, emptyAllowed)) {
    expect(res.status, JSON.stringify(text)).toBe(400);
    expect(res.body.errors.map((e: any) => e.path), JSON.stringify(text)).toContain(field);
  } else {
    expect(ok, JSON.stringify(text)).toContain(res.status);
  }
};

describe('hostile review texts: refused with a 400 naming the field or accepted, never a 500, and the ratings stay readable', () => {
  it('rating, editing and replying', async () => {
    const orders: Awaited<ReturnType<typeof orderIn>>[] = [];
    for (let i = 0; i < 6; i++) orders.push(await orderIn('completed', { buyer: 'buyer2', provider: 'provider2', content: { summary: 'hostile ratings' } }));
    const readable = async (orderId: string, productId: string) => {
      expect((await invoke(ratings, { params: { productId } })).status).toBe(200);
      expect((await invoke(getOrder, { as: 'buyer2', params: { orderId } })).status).toBe(200);
    };
    // rating: each run on the next order (a rated order answers 409, which is fine too)
    let next = 0;
    await fc.assert(
      fc.asyncProperty(hostileText, fc.integer({ min: 1, max: 5 }), async (comment, rating) => {
        const order = orders[next++ % orders.length];
        const res = await invoke(rate, { as: 'buyer2', params: { orderId: order.orderId }, body: { rating, comment } });
        expectJudged(res, 'comment', comment, true, [201, 409]);
        await readable(order.orderId, order.productId);
      }),
      { numRuns: 12 },
    );
    // make sure every order has a rating to edit and reply to
    for (const o of orders) {
      const res = await invoke(rate, { as: 'buyer2', params: { orderId: o.orderId }, body: { rating: 3 } });
      expect([201, 409]).toContain(res.status);
    }
    const [first] = orders;
    await fc.assert(
      fc.asyncProperty(hostileText, async (comment) => {
        const res = await invoke(edit, { as: 'buyer2', params: { orderId: first.orderId }, body: { comment } });
        expectJudged(res, 'comment', comment, true, [200]);
        await readable(first.orderId, first.productId);
      }),
      { numRuns: 40 },
    );
    next = 0;
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const order = orders[next++ % orders.length];
        const res = await invoke(reply, { as: 'provider2', params: { orderId: order.orderId }, body: { text } });
        expectJudged(res, 'text', text, false, [200, 409]);
        await readable(order.orderId, order.productId);
      }),
      { numRuns: 12 },
    );
    must(await invoke(ratings, { params: { productId: first.productId }, query: { limit: '100' } }), 200);
  });
});
