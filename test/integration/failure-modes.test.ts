import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler as confirm } from '../../functions/orders/confirm';
import { handler as catalog } from '../../functions/products/catalog';
import { ddb } from '../../lib/db/client';
import { invoke } from '../support/http';
import { orderIn } from '../support/orders';

// DynamoDB Local never throttles and never reports a transaction conflict: these two are the only mocks.
const conflict = () =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
  });

afterEach(() => vi.restoreAllMocks());

describe('what only AWS produces', () => {
  it('retries a transaction that conflicted with another one, and the command succeeds once', async () => {
    const order = await orderIn('awaiting_confirmation');
    const send = ddb.send.bind(ddb);
    let conflicts = 0;
    vi.spyOn(ddb, 'send').mockImplementation((async (command: any) => {
      if (command.constructor.name === 'TransactWriteCommand' && conflicts < 2) {
        conflicts++;
        throw conflict();
      }
      return send(command);
    }) as never);
    const res = await invoke(confirm, { as: 'buyer', params: { orderId: order.orderId } });
    expect(conflicts).toBe(2);
    expect(res.status).toBe(200);
    expect(res.body.timeline.filter((e: any) => e.action === 'confirm')).toHaveLength(1);
  });

  it('answers 409 CONCURRENT_UPDATE when the conflict does not clear, and changes nothing', async () => {
    const order = await orderIn('awaiting_confirmation');
    const send = ddb.send.bind(ddb);
    vi.spyOn(ddb, 'send').mockImplementation((async (command: any) => {
      if (command.constructor.name === 'TransactWriteCommand') throw conflict();
      return send(command);
    }) as never);
    const res = await invoke(confirm, { as: 'buyer', params: { orderId: order.orderId } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONCURRENT_UPDATE');
    vi.restoreAllMocks();
    const after = await invoke(confirm, { as: 'buyer', params: { orderId: order.orderId } });
    expect(after.status).toBe(200);
  });

  it('answers 503 with Retry-After, not 500, when DynamoDB keeps throttling', async () => {
    vi.spyOn(ddb, 'send').mockRejectedValue(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }) as never);
    const res = await invoke(catalog, {});
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.code).toBe('TEMPORARILY_UNAVAILABLE');
  });
});
