import { createServer } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { invoke } from '../support/http';

/** A port that refuses connections: bound, then closed. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('DynamoDB unreachable', () => {
  it('answers 503 with Retry-After, never 500, to reads and commands', async () => {
    process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${await closedPort()}`;
    // loaded afresh: the test setup has read the configuration (and made the client) already
    vi.resetModules();
    const { handler: catalog } = await import('../../functions/products/catalog');
    const { handler: confirm } = await import('../../functions/orders/confirm');
    const { handler: buy } = await import('../../functions/orders/create');
    for (const [handler, call] of [
      [catalog, {}],
      [confirm, { as: 'buyer', params: { orderId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' } }],
      [buy, { as: 'buyer', body: { productId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', planId: 'basic' } }],
    ] as const) {
      const res = await invoke(handler, call as never);
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      expect(res.body.code).toBe('TEMPORARILY_UNAVAILABLE');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  }, 60_000);
});
