import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const send = vi.hoisted(() => vi.fn());
vi.mock('../../lib/db/client', () => ({ ddb: { send }, tableName: 'T' }));

import { ConditionFailed, transactWrite } from '../../lib/db/write';

const cancelled = (codes: string[], item?: Record<string, unknown>) =>
  new TransactionCanceledException({
    $metadata: {},
    message: 'cancelled',
    CancellationReasons: codes.map((Code) => ({ Code, ...(Code === 'ConditionalCheckFailed' && item ? { Item: marshall(item) as never } : {}) })),
  });

const put = (PK: string, conditioned = true) => ({
  Put: { TableName: 'T', Item: { PK, SK: 'X' }, ...(conditioned ? { ConditionExpression: 'attribute_not_exists(PK)' } : {}) },
});

describe('transactWrite: named writes', () => {
  beforeEach(() => send.mockReset());

  it('sends the present writes in order, each conditioned one asking for the item it saw', async () => {
    send.mockResolvedValueOnce({});
    await transactWrite({ a: put('a'), skipped: undefined, b: put('b', false), alsoSkipped: false });
    const items = send.mock.calls[0][0].input.TransactItems;
    expect(items.map((i: { Put: { Item: { PK: string } } }) => i.Put.Item.PK)).toEqual(['a', 'b']);
    expect(items[0].Put.ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
    expect(items[1].Put.ReturnValuesOnConditionCheckFailure).toBeUndefined();
  });

  it('names the refused write and gives the item it saw, whatever its position', async () => {
    send.mockRejectedValueOnce(cancelled(['None', 'None', 'ConditionalCheckFailed'], { PK: 'c', count: 5 }));
    const err = await transactWrite({ a: put('a'), optional: undefined, b: put('b'), rate: put('c') }).catch((e) => e);
    expect(err).toBeInstanceOf(ConditionFailed);
    expect(err.failed).toBe('rate');
    expect(err.item).toEqual({ PK: 'c', count: 5 });
    expect(ConditionFailed.of(err, 'rate')).toBe(true);
    expect(ConditionFailed.of(err, 'b')).toBe(false);
  });

  it('sends nothing when every write is absent', async () => {
    await transactWrite({ a: undefined });
    expect(send).not.toHaveBeenCalled();
  });
});
