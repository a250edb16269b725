/**
 * Write pricing by AWS's published DynamoDB rules, from the items themselves (not DynamoDB Local's
 * ConsumedCapacity, which under-counts transactions and never charges a ConditionCheck).
 *
 * - Item size: the UTF-8 bytes of every attribute name plus its value. String: UTF-8 bytes; number: one byte
 *   per two significant digits (leading and trailing zeros trimmed) plus one (plus one more when negative);
 *   binary: its bytes; boolean and null: 1; list and map: 3 bytes plus, per element, 1 byte plus the
 *   element (a map element also its name); sets: the sum of their elements.
 * - A table write costs ceil(max(size before, size after) / 1 KB) units, at least 1; inside a transaction
 *   twice that; a ConditionCheck costs like a transactional write of the item it checks; a refused conditional
 *   write costs the existing item's size (at least 1 unit), and no index write.
 * - An index entry is the table's key, the index's key and the projected attributes (ALL: the whole item;
 *   INCLUDE: the listed attributes; KEYS_ONLY: none). A write puts an entry when the index keys appear,
 *   removes it when they disappear, moves it (delete + put) when they change, rewrites it (the larger of the
 *   two sizes) when a projected attribute changes, and costs nothing in an index whose entry is unchanged.
 *   Index writes are not doubled inside a transaction. The 100 bytes per entry AWS adds for storage are
 *   not part of a write's size.
 */

export type Item = Record<string, unknown>;

export interface IndexDef {
  name: string;
  pk: string;
  sk?: string;
  projection: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  include?: string[];
}

export interface TableDef {
  pk: string;
  sk?: string;
  indexes: IndexDef[];
}

export type WriteOp = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';

/** One write a handler made: the item's image before and after it (undefined: absent). */
export interface RecordedWrite {
  op: WriteOp;
  transactional: boolean;
  before?: Item;
  after?: Item;
  /** Refused by its condition (or its transaction cancelled): nothing written. */
  failed?: boolean;
}

export interface WritePrice {
  table: number;
  indexes: Record<string, number>;
  total: number;
}

const KB = 1024;
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** The size of a number by its significant digits (DynamoDB stores up to 38). */
export const numberSize = (n: number | bigint | string): number => {
  let s = typeof n === 'string' ? n.trim() : typeof n === 'bigint' ? n.toString() : Number.isInteger(n) ? BigInt(n).toString() : String(n);
  const negative = s.startsWith('-');
  s = s.replace(/^[-+]/, '');
  let exponentless = s;
  const e = s.match(/^([\d.]+)e([-+]?\d+)$/i);
  if (e) exponentless = e[1];
  const digits = exponentless.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  const significant = Math.max(1, digits.length);
  return Math.ceil(significant / 2) + 1 + (negative ? 1 : 0);
};

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

/** The size of one attribute value (without its name). */
export const valueSize = (v: unknown): number => {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'string') return utf8(v);
  if (typeof v === 'number' || typeof v === 'bigint') return numberSize(v);
  if (typeof v === 'boolean') return 1;
  if (isBytes(v)) return v.byteLength;
  if (v instanceof Set) {
    let n = 0;
    for (const x of v) n += typeof x === 'string' ? utf8(x) : isBytes(x) ? x.byteLength : numberSize(x as number);
    return n;
  }
  // a number kept as a string by the SDK (NumberValue)
  if (typeof v === 'object' && v !== null && 'value' in v && typeof (v as { value: unknown }).value === 'string' && Object.keys(v).length === 1) {
    return numberSize((v as { value: string }).value);
  }
  if (Array.isArray(v)) return 3 + v.reduce((n: number, x) => n + 1 + valueSize(x), 0);
  if (typeof v === 'object') {
    return 3 + Object.entries(v as Item).reduce((n, [k, x]) => (x === undefined ? n : n + 1 + utf8(k) + valueSize(x)), 0);
  }
  return utf8(String(v));
};

/** An item's size: every attribute's name and value. */
export const itemSize = (item: Item | undefined): number =>
  item ? Object.entries(item).reduce((n, [k, v]) => (v === undefined ? n : n + utf8(k) + valueSize(v)), 0) : 0;

/** Write units for an item of `bytes`: one per started KB, at least one. */
export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / KB));

/** An item's entry in an index (undefined when the item lacks the index's keys: not in that sparse index). */
export const indexEntry = (table: TableDef, index: IndexDef, item: Item | undefined): Item | undefined => {
  if (!item || item[index.pk] === undefined || (index.sk && item[index.sk] === undefined)) return undefined;
  if (index.projection === 'ALL') return item;
  const names = [table.pk, table.sk, index.pk, index.sk, ...(index.projection === 'INCLUDE' ? index.include ?? [] : [])].filter(
    (n): n is string => !!n,
  );
  const entry: Item = {};
  for (const n of names) if (item[n] !== undefined) entry[n] = item[n];
  return entry;
};

const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((x) => b.has(x));
  if (isBytes(a) && isBytes(b)) return Buffer.from(a).equals(Buffer.from(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => (a as Item)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Item)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => same((a as Item)[k], (b as Item)[k]));
  }
  return false;
};

/** The units one index pays for a write that turned `before` into `after`. */
export const indexWriteUnits = (table: TableDef, index: IndexDef, before: Item | undefined, after: Item | undefined): number => {
  const old = indexEntry(table, index, before);
  const now = indexEntry(table, index, after);
  if (!old && !now) return 0;
  if (!old) return writeUnits(itemSize(now));
  if (!now) return writeUnits(itemSize(old));
  const moved = !same(old[index.pk], now[index.pk]) || (index.sk !== undefined && !same(old[index.sk], now[index.sk]));
  if (moved) return writeUnits(itemSize(old)) + writeUnits(itemSize(now));
  if (same(old, now)) return 0;
  return writeUnits(Math.max(itemSize(old), itemSize(now)));
};

/** The price of one recorded write: its table write and every index it touched. */
export const priceWrite = (table: TableDef, w: RecordedWrite): WritePrice => {
  const factor = w.transactional ? 2 : 1;
  if (w.op === 'ConditionCheck') {
    const units = 2 * writeUnits(itemSize(w.before ?? w.after));
    return { table: units, indexes: {}, total: units };
  }
  if (w.failed) {
    const units = factor * writeUnits(itemSize(w.before));
    return { table: units, indexes: {}, total: units };
  }
  const tableUnits = factor * writeUnits(Math.max(itemSize(w.before), itemSize(w.after)));
  const indexes: Record<string, number> = {};
  let total = tableUnits;
  for (const index of table.indexes) {
    const u = indexWriteUnits(table, index, w.before, w.after);
    if (u) {
      indexes[index.name] = u;
      total += u;
    }
  }
  return { table: tableUnits, indexes, total };
};

/** The table's keys and indexes as a CloudFormation/CreateTable definition declares them. */
export const tableDefOf = (def: {
  KeySchema?: Array<{ AttributeName?: string; KeyType?: string }>;
  GlobalSecondaryIndexes?: Array<{
    IndexName?: string;
    KeySchema?: Array<{ AttributeName?: string; KeyType?: string }>;
    Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] };
  }>;
}): TableDef => {
  const keyOf = (ks: Array<{ AttributeName?: string; KeyType?: string }> | undefined, type: string) => ks?.find((k) => k.KeyType === type)?.AttributeName;
  return {
    pk: keyOf(def.KeySchema, 'HASH')!,
    sk: keyOf(def.KeySchema, 'RANGE'),
    indexes: (def.GlobalSecondaryIndexes ?? []).map((g) => ({
      name: g.IndexName!,
      pk: keyOf(g.KeySchema, 'HASH')!,
      sk: keyOf(g.KeySchema, 'RANGE'),
      projection: (g.Projection?.ProjectionType ?? 'ALL') as IndexDef['projection'],
      include: g.Projection?.NonKeyAttributes,
    })),
  };
};

/** The same table with every index projecting ALL (the previous design's indexes). */
export const projectingAll = (table: TableDef): TableDef => ({
  ...table,
  indexes: table.indexes.map((i) => ({ ...i, projection: 'ALL', include: undefined })),
});

export const sumPrices = (prices: WritePrice[]) => {
  const out = { table: 0, indexes: 0, total: 0 };
  for (const p of prices) {
    out.table += p.table;
    out.indexes += p.total - p.table;
    out.total += p.total;
  }
  return out;
};
