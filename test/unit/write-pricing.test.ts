import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../scripts/lib/infra';
import {
  indexWriteUnits,
  itemSize,
  numberSize,
  priceWrite,
  projectingAll,
  tableDefOf,
  valueSize,
  writeUnits,
  type TableDef,
} from '../../scripts/bench/pricing';

const pad = (bytes: number) => 'x'.repeat(bytes);
/** An item of exactly `bytes` (PK, SK and a `d` attribute filling the rest). */
const sized = (bytes: number, extra: Record<string, unknown> = {}) => {
  const base = { PK: 'P', SK: 'S', ...extra, d: '' };
  return { ...base, d: pad(bytes - itemSize(base)) };
};

const table: TableDef = {
  pk: 'PK',
  sk: 'SK',
  indexes: [
    { name: 'ALL', pk: 'G1PK', sk: 'G1SK', projection: 'ALL' },
    { name: 'INC', pk: 'G2PK', sk: 'G2SK', projection: 'INCLUDE', include: ['row', 'type'] },
    { name: 'KEYS', pk: 'G3PK', sk: 'G3SK', projection: 'KEYS_ONLY' },
  ],
};

describe('item size by AWS’s rules', () => {
  it('counts attribute names and string values in UTF-8 bytes', () => {
    expect(itemSize({ name: 'abc' })).toBe(4 + 3);
    expect(itemSize({ name: '运维' })).toBe(4 + 6);
    expect(itemSize({ 名: 'a' })).toBe(3 + 1);
  });

  it('sizes a number by its significant digits: one byte per two, plus one', () => {
    expect(itemSize({ Id: 101 })).toBe(2 + 3);
    expect(numberSize(1000)).toBe(2); // trailing zeros trimmed
    expect(numberSize(0.001)).toBe(2); // leading zeros trimmed
    expect(numberSize(123.45)).toBe(4);
    expect(numberSize(12)).toBe(2);
    expect(numberSize(-1)).toBe(3);
    expect(numberSize('12345678901234567890123456789012345678')).toBe(20); // 38 digits
  });

  it('counts one byte for a boolean or a null, three for a list or map plus one per element', () => {
    expect(itemSize({ a: true, b: null })).toBe(1 + 1 + 1 + 1);
    expect(valueSize([])).toBe(3);
    expect(valueSize({})).toBe(3);
    expect(itemSize({ l: ['a', 1] })).toBe(1 + 3 + (1 + 1) + (1 + 2));
    expect(itemSize({ m: { k: 'v' } })).toBe(1 + 3 + (1 + 1 + 1));
    expect(valueSize(new Set(['ab', 'c']))).toBe(3);
    expect(valueSize(new Uint8Array(10))).toBe(10);
  });
});

describe('write units by AWS’s rules', () => {
  it('charges one unit per started KB, at least one', () => {
    expect(writeUnits(0)).toBe(1);
    expect(writeUnits(1024)).toBe(1);
    expect(writeUnits(1025)).toBe(2);
    // AWS: a 3.5 KB item costs 4 write units
    expect(writeUnits(3.5 * 1024)).toBe(4);
  });

  it('prices an update by the larger of the item before and after it', () => {
    // AWS: updating a 500-byte item to 1.2 KB costs 2 units; back down costs 2 as well
    const small = sized(500);
    const large = sized(1229);
    expect(priceWrite({ ...table, indexes: [] }, { op: 'Update', transactional: false, before: small, after: large }).total).toBe(2);
    expect(priceWrite({ ...table, indexes: [] }, { op: 'Update', transactional: false, before: large, after: small }).total).toBe(2);
    expect(priceWrite({ ...table, indexes: [] }, { op: 'Delete', transactional: false, before: large }).total).toBe(2);
  });

  it('charges a transaction twice per item, and a ConditionCheck like a transactional write of the item it checks', () => {
    // AWS: a transactional write of a 2 KB item costs 4 units; four small Puts in one transaction cost 8
    expect(priceWrite({ ...table, indexes: [] }, { op: 'Put', transactional: true, after: sized(2048) }).total).toBe(4);
    const four = [1, 2, 3, 4].map(() => priceWrite({ ...table, indexes: [] }, { op: 'Put', transactional: true, after: sized(200) }).total);
    expect(four.reduce((a, b) => a + b)).toBe(8);
    expect(priceWrite(table, { op: 'ConditionCheck', transactional: true, before: sized(500, { G1PK: 'a', G1SK: 'b' }) })).toEqual({ table: 2, indexes: {}, total: 2 });
    expect(priceWrite(table, { op: 'ConditionCheck', transactional: true, before: sized(22 * 1024) }).total).toBe(44);
  });

  it('charges a refused conditional write the existing item, and no index', () => {
    const item = sized(1500, { G1PK: 'a', G1SK: 'b' });
    expect(priceWrite(table, { op: 'Update', transactional: false, before: item, after: item, failed: true })).toEqual({ table: 2, indexes: {}, total: 2 });
  });
});

describe('index writes by projection', () => {
  const keys = { G1PK: 'A', G1SK: '1', G2PK: 'A', G2SK: '1', G3PK: 'A', G3SK: '1' };

  it('puts an entry when its keys appear and removes it when they disappear', () => {
    const item = sized(600, { ...keys, row: { n: 'x' }, type: 'order' });
    expect(priceWrite(table, { op: 'Put', transactional: false, after: item })).toEqual({ table: 1, indexes: { ALL: 1, INC: 1, KEYS: 1 }, total: 4 });
    expect(priceWrite(table, { op: 'Delete', transactional: false, before: item }).total).toBe(4);
    // a sparse index the item is in neither before nor after costs nothing
    expect(indexWriteUnits(table, table.indexes[0], { PK: 'P', SK: 'S' }, { PK: 'P', SK: 'S', x: 1 })).toBe(0);
  });

  it('moves an entry whose keys change: a delete and a put', () => {
    const before = sized(600, { ...keys });
    const after = { ...before, G1SK: '2', G2SK: '2', G3SK: '2' };
    expect(priceWrite(table, { op: 'Update', transactional: false, before, after }).indexes).toEqual({ ALL: 2, INC: 2, KEYS: 2 });
  });

  it('sizes an entry by its projection: ALL the whole item, INCLUDE the keys and listed attributes, KEYS_ONLY the keys', () => {
    const before = sized(3000, { ...keys, row: { n: 'x' }, type: 'order', version: 1 });
    const after = { ...before, d: before.d + 'y', row: { n: 'y' } };
    // a 3 KB item rewritten whole in ALL (3 units); a small INCLUDE entry (1 unit); the keys did not change (free)
    expect(priceWrite(table, { op: 'Update', transactional: true, before, after })).toEqual({ table: 6, indexes: { ALL: 3, INC: 1 }, total: 10 });
  });

  it('charges nothing in an index whose projected attributes did not change', () => {
    const before = sized(900, { ...keys, row: { n: 'x' }, type: 'order', version: 1 });
    const after = { ...before, version: 2, d: before.d.slice(1) };
    expect(priceWrite(table, { op: 'Update', transactional: false, before, after }).indexes).toEqual({ ALL: 1 });
    // with every index projecting ALL, each entry is rewritten
    expect(priceWrite(projectingAll(table), { op: 'Update', transactional: false, before, after }).indexes).toEqual({ ALL: 1, INC: 1, KEYS: 1 });
  });

  it('reads the table and its indexes from serverless.yml', () => {
    const def = tableDefOf(tableDefinition('T'));
    expect(def.pk).toBe('PK');
    expect(def.sk).toBe('SK');
    expect(def.indexes.map((i) => i.name)).toEqual(['GSI1', 'GSI2', 'GSI3', 'GSI4', 'GSI5', 'GSI6', 'GSI7', 'GSI8']);
    for (const i of def.indexes) expect(i.pk).toBe(`${i.name}PK`);
  });
});

describe('the previous design, priced from the same writes', () => {
  it('merges an order’s head and body into one item written once, and drops what it did not store', async () => {
    const { previousWrites } = await import('../../scripts/bench/cost');
    const head0 = { PK: 'ORDER#1', SK: 'ORDER', type: 'order', status: 'a', G1PK: 'B', G1SK: '1', row: { s: 'a' } };
    const body0 = { PK: 'ORDER#1', SK: 'ORDER#BODY', type: 'order-body', snapshot: pad(1900) };
    const merged0 = { PK: 'ORDER#1', SK: 'ORDER', type: 'order', status: 'a', G1PK: 'B', G1SK: '1', snapshot: body0.snapshot };
    const merged1 = { ...merged0, status: 'b' };
    const entity = { pk: 'ORDER#1', before: merged0, after: merged1 };
    const writes = [
      { op: 'Update' as const, transactional: true, key: { PK: 'ORDER#1', SK: 'ORDER' }, before: head0, after: { ...head0, status: 'b', row: { s: 'b' } }, entity },
      { op: 'Update' as const, transactional: true, key: { PK: 'ORDER#1', SK: 'ORDER#BODY' }, before: body0, after: body0, entity },
      { op: 'Put' as const, transactional: true, key: { PK: 'ORDER#1', SK: 'TIMELINE#1' }, after: { PK: 'ORDER#1', SK: 'TIMELINE#1', row: { x: 1 } } },
    ];
    const previous = previousWrites(writes);
    expect(previous).toHaveLength(2);
    expect(previous[1]).toMatchObject({ op: 'Update', transactional: true, before: merged0, after: merged1 });
    expect(previous[0].after).toEqual({ PK: 'ORDER#1', SK: 'TIMELINE#1' });
    // the merged 2 KB order rewritten in one transaction and in its ALL index
    expect(priceWrite(projectingAll(table), previous[1]).total).toBe(2 * 2 + 2);
  });
});
