import { performance } from 'node:perf_hooks';
import { newId } from '../../lib/shared/ids';

type Ctx = Record<string, any>;

const MESSAGES = 60;

/**
 * `GET /orders/{id}` of an order with 60 messages sent with an `Idempotency-Key` against the same conversation
 * sent without keys: replay records live outside the order's partition, so both reads cost the same round
 * trips and items (±1 item). Fails the bench when they do not.
 */
export const historySection = async (c: Ctx) => {
  const { call, must, meter, h, readyToStart, rounds } = c;
  const orderWith = async (keyed: boolean) => {
    const orderId = await readyToStart();
    await must(call(h.start, 'provider', { params: { orderId }, method: 'POST' }));
    for (let i = 0; i < MESSAGES; i++) {
      const as = i % 2 ? 'buyer' : 'provider';
      await must(call(h.message, as, { params: { orderId }, body: { text: `消息 ${i}` }, headers: keyed ? { 'idempotency-key': newId() } : {} }));
    }
    return orderId as string;
  };
  const read = async (name: string, orderId: string) => {
    const times: number[] = [];
    const before = { ...meter };
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      await must(call(h.getOrder, 'buyer', { params: { orderId } }));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return {
      order: name,
      roundTrips: (meter.requests - before.requests) / rounds,
      itemsRead: (meter.items - before.items) / rounds,
      capacity: (meter.capacity - before.capacity) / rounds,
      p50: times[Math.floor(times.length / 2)],
    };
  };
  const plain = await read(`${MESSAGES} messages without keys`, await orderWith(false));
  const keyed = await read(`${MESSAGES} keyed messages`, await orderWith(true));
  const holds = plain.roundTrips === keyed.roundTrips && Math.abs(plain.itemsRead - keyed.itemsRead) <= 1;
  const md = [
    `## Order read with a keyed history (${rounds} reads each)`,
    '',
    '| order | GET /orders/{id} round trips | items read | capacity units | p50 ms |',
    '|---|---:|---:|---:|---:|',
    ...[plain, keyed].map((r) => `| ${r.order} | ${r.roundTrips.toFixed(2)} | ${r.itemsRead.toFixed(1)} | ${r.capacity.toFixed(2)} | ${r.p50.toFixed(1)} |`),
    '',
    `Keyed and unkeyed reads equal (round trips, items ±1): ${holds ? 'yes' : 'NO'}`,
    '',
  ];
  if (!holds) throw new Error(`the order read grows with keyed commands: ${JSON.stringify({ plain, keyed })}`);
  return { results: { plain, keyed, holds }, md };
};
