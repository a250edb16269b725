import fc from 'fast-check';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { crossingId, lowStockEventOf } from '../../lib/codes/low-stock';
import { crossesLowStock } from '../../lib/codes/model';
import { ID_PATTERN } from '../../lib/shared/ids';
import { codeIndexOf, parseCodes } from '../../web/src/products/codes-input';

const stockItem = (left: number, stock: number, at = '2026-12-02T10:00:00.000Z') => ({
  PK: 'PRODUCT#P1',
  SK: 'CODESTOCK#basic',
  type: 'code-stock',
  productId: 'P1',
  planId: 'basic',
  stock,
  taken: stock - left,
  left,
  updatedAt: at,
});
const modify = (before: object, after: object, eventName: DynamoDBRecord['eventName'] = 'MODIFY'): DynamoDBRecord => ({
  eventName,
  dynamodb: { OldImage: marshall(before) as never, NewImage: marshall(after) as never },
});

describe('the low-stock crossing', () => {
  it('is a fall from 10 or more to below 10, and nothing else', () => {
    expect(crossesLowStock({ left: 10 }, { left: 9 }, 10)).toBe(true);
    expect(crossesLowStock({ left: 30 }, { left: 0 }, 10)).toBe(true);
    expect(crossesLowStock({ left: 9 }, { left: 8 }, 10)).toBe(false);
    expect(crossesLowStock({ left: 5 }, { left: 40 }, 10)).toBe(false);
    expect(crossesLowStock({ left: 12 }, { left: 10 }, 10)).toBe(false);
    expect(crossesLowStock(undefined, { left: 3 }, 10)).toBe(false);
  });

  it('happens once per fall across any sequence of purchases and restocks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 }), (moves) => {
        let left = 0;
        let crossings = 0;
        let armed = false;
        for (const m of moves) {
          const next = Math.max(0, left + m);
          if (crossesLowStock({ left }, { left: next }, 10)) crossings++;
          if (next >= 10) armed = true;
          else if (armed) {
            armed = false;
            crossings--;
          }
          left = next;
        }
        return crossings === 0;
      }),
    );
  });

  it('makes one product.stock_low event per crossing, with an id of its own that a redelivery repeats', () => {
    const event = lowStockEventOf(modify(stockItem(10, 10), stockItem(9, 10)))!;
    expect(event).toMatchObject({ type: 'product.stock_low', data: { productId: 'P1', action: 'low-stock', role: 'system', detail: { planId: 'basic', available: 9, stock: 10, mark: 10 } } });
    expect(event.id).toMatch(ID_PATTERN);
    expect(lowStockEventOf(modify(stockItem(10, 10), stockItem(9, 10)))!.id).toBe(event.id);
    // after a restock (stock 10 → 20) the next crossing is another
    expect(lowStockEventOf(modify(stockItem(10, 20), stockItem(9, 20)))!.id).not.toBe(event.id);
    expect(lowStockEventOf(modify(stockItem(9, 10), stockItem(8, 10)))).toBeUndefined();
    expect(lowStockEventOf(modify(stockItem(10, 10), stockItem(9, 10), 'INSERT'))).toBeUndefined();
    expect(lowStockEventOf(modify({ ...stockItem(10, 10), type: 'order' }, { ...stockItem(9, 10), type: 'order' }))).toBeUndefined();
    expect(crossingId('P1', 'basic', 10, '2026-12-02T10:00:00.000Z').slice(0, 10)).toBe(crossingId('P2', 'x', 1, '2026-12-02T10:00:00.000Z').slice(0, 10));
  });
});

describe('codes from a paste or a file (the 兑换码 page)', () => {
  it('takes one code per line, the first cell of a CSV line, without blanks, quotes or a header', () => {
    expect(parseCodes('\uFEFFcode\r\nAAAA-1111\r\n\r\n  BBBB-2222  \n"CCCC-3333",sold\nDDDD,x,y\n')).toEqual(['AAAA-1111', 'BBBB-2222', 'CCCC-3333', 'DDDD']);
    expect(parseCodes('X1234\nX1234')).toEqual(['X1234', 'X1234']);
    expect(parseCodes('')).toEqual([]);
    expect(codeIndexOf('codes.12')).toBe(12);
    expect(codeIndexOf('planId')).toBeUndefined();
  });
});
