import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { STACK_PORTS, composeStack, type PortName } from '../../scripts/lib/compose';
import { dynamoClient, freePorts, requireFreePort, signIn } from '../../scripts/lib/stack';

// The local stack composed beside others: whatever holds `npm start`'s fixed ports (a running `npm start`, or
// this test), a stack on free ports starts, and two start at once without sharing anything.
describe('composeStack', () => {
  const held: Server[] = [];
  beforeAll(async () => {
    // hold every fixed port that nothing holds yet (a running `npm start` holds them already)
    for (const spec of Object.values(STACK_PORTS)) {
      await new Promise<void>((resolve) => {
        const server = createServer();
        server.once('error', () => resolve());
        server.listen(spec.fixed, '127.0.0.1', () => (held.push(server), resolve()));
      });
    }
  });
  afterAll(() => {
    for (const server of held) server.close();
  });

  it('starts two stacks at once on free ports while the fixed ports are held, and stop() frees them', { timeout: 120_000 }, async () => {
    const options = (n: number) => ({
      parts: ['dynamodb', 'cognito', 's3'] as const,
      tableName: `MarketTwin${n}`,
      poolName: `twin-${n}`,
      bucket: `market-twin-${n}`,
      users: { someone: { email: `someone${n}@twin.example`, password: 'Passw0rd!twin', roles: 'buyer' as const, token: true } },
    });
    const stacks = await Promise.all([1, 2].map((n) => composeStack({ ...options(n), parts: [...options(n).parts] })));
    try {
      const used = stacks.flatMap((s) => Object.values(s.ports));
      expect(new Set(used).size).toBe(used.length);
      for (const spec of Object.values(STACK_PORTS)) expect(used).not.toContain(spec.fixed);
      for (const [i, stack] of stacks.entries()) {
        const table = await dynamoClient(stack.dynamodb.endpoint).send(new DescribeTableCommand({ TableName: `MarketTwin${i + 1}` }));
        expect(table.Table?.TableStatus).toBe('ACTIVE');
        expect(stack.users.someone.token).toMatch(/^ey/);
        await expect(signIn(stack.cognito.endpoint, stack.cognito.clientId, `someone${i + 1}@twin.example`, 'Passw0rd!twin')).resolves.toMatch(/^ey/);
        expect((await fetch(`${stack.s3.endpoint}/${stack.s3.bucket}`)).status).toBeLessThan(500);
      }
    } finally {
      await Promise.all(stacks.map((s) => s.stop()));
    }
    for (const stack of stacks) {
      for (const [name, port] of Object.entries(stack.ports)) await expect(requireFreePort(port, name)).resolves.toBeUndefined();
      expect(existsSync(stack.dataDir)).toBe(false);
    }
  });

  it('names every busy port in one line before starting anything', async () => {
    const busy = await freePorts(2);
    const servers = busy.map((port) => createServer().listen(port, '127.0.0.1'));
    try {
      const pinned: Partial<Record<PortName, number>> = { dynamodb: busy[0], s3: busy[1] };
      await expect(
        composeStack({ parts: ['dynamodb', 'cognito', 's3'], port: pinned, tableName: 'MarketBusy', poolName: 'busy', bucket: 'market-busy' }),
      ).rejects.toThrow(`Ports ${busy[0]} (DynamoDB Local, DYNAMODB_PORT) and ${busy[1]} (the S3 emulator, S3_PORT) are busy`);
    } finally {
      for (const server of servers) server.close();
    }
  });
});
