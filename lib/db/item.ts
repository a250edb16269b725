import type { z } from 'zod';
import { indexes, type IndexName } from './keys';
import type { Expr } from './write';

/**
 * One declaration per item type of the table (docs/decisions.md, "Item declarations"): its `type`, the shape
 * of its stored attributes (zod), its key, and every index it lives in with the key it has there. Every
 * write builds its item, or the index attributes of its update, from the declaration; docs/indexes.md is
 * generated from the declarations (`npm run docs:indexes`).
 *
 * Modelled on ElectroDB's entities (attributes, a primary index, secondary indexes whose keys are made of
 * "composite" attributes), kept to what this table needs over the existing key module (lib/db/keys.ts).
 */

type Attrs = Record<string, unknown>;
export type TableKey = { PK: string; SK: string };

/**
 * The attribute an item's list row is kept in (docs/decisions.md, "List rows"): a map of the item's listed
 * attributes, the one attribute besides `type` (and the keys, and a declaration's `projected` names) that
 * the indexes project, so that an update changing no listed attribute changes nothing in any index.
 */
export const ROW = 'row';

/** One half of an index key: the attributes it is made of and how. */
export interface KeyPart<V> {
  /** The attributes the key is made of: an update changing one of them rewrites the key. */
  uses: readonly (keyof V & string)[];
  build: (v: V) => string;
  /** How docs/indexes.md shows the key, when building it from placeholders would not say it (hashes, codes). */
  doc?: string;
  /**
   * The stored copy (one of the declaration's `copies`) an update copies the key from when it does not know
   * every attribute the key is made of: an update expression cannot build a string, but it can copy an
   * attribute (`SET GSI5PK = listingKey_listed`). Called with what the update knows; undefined: no copy fits.
   */
  copiedFrom?: (v: V) => string | undefined;
}

/** A stored copy of a key: an attribute kept on the item so that a blind update can copy a key from it. */
export interface KeyCopy<V> {
  uses: readonly (keyof V & string)[];
  build: (v: V) => string;
  doc?: string;
}

/** An item type's place in one index. */
export interface IndexPlace<V> {
  pk: KeyPart<V>;
  sk: KeyPart<V>;
  /** A sparse place: the item is in the index only while `test` holds (its keys are removed otherwise). */
  when?: { uses: readonly (keyof V & string)[]; test: (v: V) => boolean; doc: string };
  /** The access patterns this place serves (docs/indexes.md). */
  serves: readonly string[];
}

export interface ItemSpec<S extends z.ZodType<Attrs>, K extends Attrs> {
  /** The declaration's name in docs/indexes.md (unique). */
  name: string;
  /** The value of the item's `type` attribute: the entity, on every item (timeline entries name their owner in `entity`). */
  type: string;
  /** One line for docs/indexes.md. */
  description: string;
  /** The stored attributes besides the key, `type` and the index keys. */
  schema: S;
  /** The table key, from the facts it is made of. */
  key: (k: K) => TableKey;
  /** How docs/indexes.md shows the key, where building it from placeholders would not say it. */
  keyDoc?: Partial<TableKey>;
  /** Facts of the key that are not stored as attributes of their own (they are in the key only). */
  keyOnly?: readonly (keyof K & string)[];
  indexes?: { [I in IndexName]?: IndexPlace<z.infer<S> & K> };
  /**
   * Key copies stored on the item (by attribute name), for the keys' `copiedFrom`: every `.item()` writes
   * them and an update changing an attribute one is made of rewrites it, like an index key.
   */
  copies?: Record<string, KeyCopy<z.infer<S> & K>>;
  /** Where the declaration lives (docs/indexes.md). */
  home: string;
  /**
   * The attributes the item's list rows are built from: its `row` map (what its indexes project) holds
   * these and no other. Default: every stored attribute. Only an item type that lives in an index has a row.
   */
  listed?: readonly string[];
  /**
   * Attributes every index the item lives in projects by name, beside `row`: values an update makes on an
   * item it may be creating (an ADD counter, a value set only if absent), which it cannot write into a map
   * that may not exist yet. Each name counts against AWS's 100 projected names over all indexes.
   */
  projected?: readonly string[];
  /**
   * Listed attributes kept in `row` only, not also at the top level: bulky values no condition, key or
   * hand-written clause reads (a notification's title and body in both languages), so that the item does not
   * carry them twice. `parse()` reads them from the row; an update writes only their row path.
   */
  rowOnly?: readonly string[];
}

/** Attributes no declared value carries: the key, `type` and every index key are the declaration's. */
const RESERVED = /^(PK|SK|type|row|GSI\d+(PK|SK))$/;

const placeholders = (): Attrs =>
  new Proxy({}, { get: (_, name) => (typeof name === 'string' ? `<${name}>` : undefined) }) as Attrs;

/** An update value: the attribute takes the stored value of another one (`SET live = draft`). */
export class CopyOf {
  constructor(readonly attribute: string) {}
}
/** An update value: the attribute is set unless it is already (`SET listedAt = if_not_exists(listedAt, :v)`). */
export class IfAbsent<T = unknown> {
  constructor(readonly value: T) {}
}
/** `live: copyOf('draft')` in an update: the stored value of another attribute. */
export const copyOf = <T = never>(attribute: string) => new CopyOf(attribute) as unknown as T;
/** `listedAt: ifAbsent(at)` in an update: set unless already set (a key made of it is kept too). */
export const ifAbsent = <T>(value: T) => new IfAbsent(value) as unknown as T;

class Unknown extends Error {}

/**
 * The item's facts as far as an update knows them: reading an unknown one (or one copied from another
 * attribute, whose value the update does not know either) throws; reading one set only if absent answers
 * its value and is recorded, so that the key built from it is set only if absent too.
 */
const known = (v: Attrs, what: string, seen: { ifAbsent: boolean } = { ifAbsent: false }, whole = false): Attrs =>
  new Proxy(v, {
    get: (target, name) => {
      if (typeof name !== 'string') return undefined;
      // a whole item as read: an attribute absent from it is absent from the item
      if (!(name in target)) {
        if (whole) return undefined;
        throw new Unknown(`${what} needs \`${name}\`, which the update does not know`);
      }
      const value = target[name];
      if (value instanceof CopyOf) throw new Unknown(`${what} needs \`${name}\`, copied from \`${value.attribute}\`, which the update does not know`);
      if (value instanceof IfAbsent) {
        seen.ifAbsent = true;
        return value.value;
      }
      return value;
    },
  });

export type ItemValue<D> = D extends ItemDeclaration<infer S, infer K> ? z.infer<S> & K : never;

export class ItemDeclaration<S extends z.ZodType<Attrs>, K extends Attrs> {
  constructor(readonly spec: ItemSpec<S, K>) {}

  get type() {
    return this.spec.type;
  }

  key(k: K): TableKey {
    return this.spec.key(k);
  }

  /** Whether a stored item is of this type. */
  is(item: Attrs | undefined): boolean {
    return item?.type === this.spec.type;
  }

  /** The stored attributes of a stored item (its row's read where they are kept: `rowOnly`), checked against the shape. */
  parse(item: Attrs): z.infer<S> {
    const row = item[ROW];
    return this.spec.schema.parse(row && typeof row === 'object' && !Array.isArray(row) ? { ...(row as Attrs), ...item } : item);
  }

  /** Every index key of the item as it is: the attributes a Put writes. */
  indexAttributes(v: z.infer<S> & K): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, place] of this.places()) {
      if (place.when && !place.when.test(v)) continue;
      out[indexes[name].pk] = place.pk.build(v);
      out[indexes[name].sk] = place.sk.build(v);
    }
    return out;
  }

  /** The stored key copies of the item as it is (the declaration's `copies`): a Put writes them too. */
  copyAttributes(v: z.infer<S> & K): Record<string, string> {
    return Object.fromEntries(Object.entries(this.spec.copies ?? {}).map(([name, c]) => [name, c.build(v)]));
  }

  /**
   * SET clauses writing every key copy that `facts` (what an update knows of the item) can build, copies
   * it cannot build left as they are: an update that edits the item keeps them current, and writes them
   * on an item stored without them.
   */
  copiesKnown(expr: Expr, facts: Attrs): string[] {
    const out: string[] = [];
    for (const [name, c] of Object.entries(this.spec.copies ?? {})) {
      try {
        const value = c.build(known(facts, `${this.spec.type}'s ${name}`) as z.infer<S> & K);
        out.push(`${expr.name(name)} = ${expr.value(value)}`);
      } catch (err) {
        if (!(err instanceof Unknown)) throw err;
      }
    }
    return out;
  }

  /** Whether the item has a list row: only an item that lives in an index has one. */
  get hasRow(): boolean {
    return this.places().length > 0;
  }

  /** Whether an attribute is in the item's list row (see `listed`). */
  isListed(name: string): boolean {
    if (!this.hasRow || this.declared(name) || (this.spec.keyOnly as readonly string[] | undefined)?.includes(name)) return false;
    if (this.spec.projected?.includes(name)) return false;
    return this.spec.listed === undefined || this.spec.listed.includes(name);
  }

  /** Whether an attribute is kept in the row only (see `rowOnly`). */
  isRowOnly(name: string): boolean {
    return this.isListed(name) && (this.spec.rowOnly?.includes(name) ?? false);
  }

  /** The list row of the item's stored attributes: its listed ones that have a value. */
  rowOf(attrs: Attrs): Attrs {
    return Object.fromEntries(Object.entries(attrs).filter(([k, v]) => v !== undefined && this.isListed(k)));
  }

  /**
   * SET clauses for a change an update writes by hand (a counter, a list append, a value of its own): the
   * attribute takes `rhs`, an update expression over the item as stored (`#version + :one`), and so does its
   * copy in the row when it is listed. Both read the stored item, so they agree.
   */
  set(expr: Expr, path: string, rhs: string): string[] {
    const name = path.split('.')[0];
    return [...(this.isRowOnly(name) ? [] : [`${expr.name(path)} = ${rhs}`]), ...(this.isListed(name) ? [`${expr.name(`${ROW}.${path}`)} = ${rhs}`] : [])];
  }

  /** REMOVE clauses of a hand-written update removing an attribute (and its copy in the row). */
  remove(expr: Expr, path: string): string[] {
    const name = path.split('.')[0];
    return [...(this.isRowOnly(name) ? [] : [expr.name(path)]), ...(this.isListed(name) ? [expr.name(`${ROW}.${path}`)] : [])];
  }

  /** The listed attributes as docs/indexes.md shows them; undefined: every stored attribute. */
  listedNames(): readonly string[] | undefined {
    return this.spec.listed;
  }

  /** The attributes the item's indexes project by name besides `row` and `type`. */
  projectedNames(): readonly string[] {
    return this.spec.projected ?? [];
  }

  /** Whether an attribute is the declaration's to write (the key, `type`, an index key, a key copy). */
  private declared(name: string) {
    return RESERVED.test(name) || name in (this.spec.copies ?? {});
  }

  /**
   * The whole stored item of a value: its key, `type`, its attributes (checked against the shape), its
   * index keys and its key copies. Stale ones in the value (an item read before) are dropped and computed again.
   */
  item(v: z.infer<S> & K): Attrs {
    const keyOnly = new Set<string>(this.spec.keyOnly ?? []);
    const attrs = Object.fromEntries(Object.entries(v).filter(([k]) => !this.declared(k) && !keyOnly.has(k)));
    const checked = this.spec.schema.safeParse(attrs);
    if (!checked.success) throw new Error(`${this.spec.type} item does not match its declaration: ${checked.error.message}`);
    return {
      ...this.spec.key(v),
      type: this.spec.type,
      ...Object.fromEntries(Object.entries(attrs).filter(([k]) => !this.isRowOnly(k))),
      ...this.indexAttributes(v),
      ...this.copyAttributes(v),
      ...(this.hasRow ? { [ROW]: this.rowOf(attrs) } : {}),
    };
  }

  /**
   * The index keys (and key copies) an update must set or remove, given the attributes it changes
   * (`undefined`: removed; `copyOf()`: another attribute's value; `ifAbsent()`: set unless set) and what else
   * it knows of the item. A key is rewritten when an attribute it is made of changes; a sparse place is
   * entered or left when its test's attributes change. A key the update cannot build because it does not
   * know an attribute it is made of is copied from the stored copy its `copiedFrom` names (`copy`: key →
   * copy; present when any), or else the update throws: it must know every fact of the keys it moves
   * (ElectroDB's rule for composite keys). A key made of an attribute set only if absent is set only if
   * absent (`ifAbsent`; present when any).
   */
  indexChanges(
    changed: Partial<z.infer<S> & K>,
    context: Partial<z.infer<S> & K> = {},
    /** The context is the whole item as read: an attribute absent from it is absent from the item. */
    whole = false,
  ): { set: Record<string, string>; copy?: Record<string, string>; ifAbsent?: Record<string, string>; remove: string[] } {
    const merged = { ...context, ...changed } as Attrs;
    const what = `${this.spec.type}'s index keys`;
    const touched = (uses: readonly string[]) => uses.some((u) => u in changed);
    const set: Record<string, string> = {};
    const copy: Record<string, string> = {};
    const ifAbsent: Record<string, string> = {};
    const remove: string[] = [];
    const write = (attr: string, part: { build: (v: z.infer<S> & K) => string; copiedFrom?: (v: z.infer<S> & K) => string | undefined }) => {
      const seen = { ifAbsent: false };
      try {
        const built = part.build(known(merged, what, seen, whole) as z.infer<S> & K);
        (seen.ifAbsent ? ifAbsent : set)[attr] = built;
      } catch (err) {
        const from = err instanceof Unknown ? part.copiedFrom?.(merged as z.infer<S> & K) : undefined;
        if (!from) throw err;
        if (!(from in (this.spec.copies ?? {}))) throw new Error(`${this.spec.type} declares no key copy \`${from}\``);
        copy[attr] = from;
      }
    };
    for (const [name, place] of this.places()) {
      const { pk, sk } = indexes[name];
      const pkMoves = touched(place.pk.uses);
      const skMoves = touched(place.sk.uses);
      const placeMoves = place.when !== undefined && touched(place.when.uses);
      if (!pkMoves && !skMoves && !placeMoves) continue;
      if (place.when && !place.when.test(known(merged, what, undefined, whole) as z.infer<S> & K)) {
        remove.push(pk, sk);
        continue;
      }
      if (pkMoves || placeMoves) write(pk, place.pk);
      if (skMoves || placeMoves) write(sk, place.sk);
    }
    for (const [name, c] of Object.entries(this.spec.copies ?? {})) if (touched(c.uses)) write(name, c);
    return {
      set,
      ...(Object.keys(copy).length ? { copy } : {}),
      ...(Object.keys(ifAbsent).length ? { ifAbsent } : {}),
      remove,
    };
  }

  /**
   * The SET and REMOVE clauses of an update that changes `changed` (see {@link indexChanges}) and the index
   * keys that follow from it, with the conditions the update needs (`attribute_exists` of each key copy it
   * copies: an item without the copy refuses the write rather than get a wrong key); the caller adds its own
   * clauses (counters, list appends) to the lists and the conditions to its own. `copies`: the key copies
   * the update copies from.
   */
  update(expr: Expr, changed: Partial<z.infer<S> & K>, context: Partial<z.infer<S> & K> = {}, whole = false) {
    const { set, copy = {}, ifAbsent = {}, remove } = this.indexChanges(changed, context, whole);
    const sets: string[] = [];
    const removes: string[] = [];
    const keep = (name: string, value: unknown) => `${expr.name(name)} = if_not_exists(${expr.name(name)}, ${expr.value(value)})`;
    // the row follows the listed attributes the update changes: a path each, or the whole map at once when
    // the update writes every listed attribute (then it may be creating the item: a map path needs its map)
    const wholeRow =
      this.hasRow &&
      this.spec.listed !== undefined &&
      this.spec.listed.every((l) => !this.isListed(l) || (l in changed && !((changed as Attrs)[l] instanceof CopyOf) && !((changed as Attrs)[l] instanceof IfAbsent)));
    const inRow = (name: string) => (this.isListed(name) && !wholeRow ? `${expr.name(ROW)}.${expr.name(name)}` : undefined);
    // where an attribute's stored value is: its row path when it is kept in the row only
    const stored = (name: string) => (this.isRowOnly(name) ? `${expr.name(ROW)}.${expr.name(name)}` : expr.name(name));
    for (const [name, value] of Object.entries(changed)) {
      if (this.declared(name)) throw new Error(`${name} is the declaration's, not the update's`);
      const row = inRow(name);
      const top = this.isRowOnly(name) ? [] : [expr.name(name)];
      if (value === undefined) removes.push(...top, ...(row ? [row] : []));
      else if (value instanceof CopyOf) sets.push(...[...top, ...(row ? [row] : [])].map((p) => `${p} = ${stored(value.attribute)}`));
      else if (value instanceof IfAbsent) {
        if (top.length) sets.push(keep(name, value.value));
        if (row) sets.push(`${row} = if_not_exists(${stored(name)}, ${expr.value(value.value)})`);
      } else {
        const v = expr.value(value);
        sets.push(...top.map((p) => `${p} = ${v}`), ...(row ? [`${row} = ${v}`] : []));
      }
    }
    if (wholeRow) sets.push(`${expr.name(ROW)} = ${expr.value(this.rowOf(changed as Attrs))}`);
    for (const [name, value] of Object.entries(set)) sets.push(`${expr.name(name)} = ${expr.value(value)}`);
    for (const [name, value] of Object.entries(ifAbsent)) sets.push(keep(name, value));
    for (const [name, from] of Object.entries(copy)) sets.push(`${expr.name(name)} = ${expr.name(from)}`);
    removes.push(...remove.map((r) => expr.name(r)));
    const copies = [...new Set(Object.values(copy))];
    return { sets, removes, copies, conditions: copies.map((from) => `attribute_exists(${expr.name(from)})`) };
  }

  /**
   * SET clauses writing `type` and every index key of the item: for an item that updates create (a counter
   * ADD makes), whose attributes the update adds besides.
   */
  identity(expr: Expr, v: z.infer<S> & K): string[] {
    return [
      ...Object.entries({ type: this.spec.type, ...this.indexAttributes(v), ...this.copyAttributes(v) }).map(([k, val]) => `${expr.name(k)} = ${expr.value(val)}`),
      // its list row, empty until written: such an item's counters are `projected` by name
      ...(this.hasRow ? [`${expr.name(ROW)} = if_not_exists(${expr.name(ROW)}, ${expr.value({})})`] : []),
    ];
  }

  /** The indexes the item lives in, with its place in each. */
  places(): Array<[IndexName, IndexPlace<z.infer<S> & K>]> {
    return Object.entries(this.spec.indexes ?? {}) as Array<[IndexName, IndexPlace<z.infer<S> & K>]>;
  }

  /** The key and index keys as templates (docs/indexes.md). */
  describe() {
    const p = placeholders() as z.infer<S> & K;
    const part = (kp: KeyPart<z.infer<S> & K>) => kp.doc ?? kp.build(p);
    return {
      name: this.spec.name,
      type: this.spec.type,
      description: this.spec.description,
      home: this.spec.home,
      key: { ...this.spec.key(p), ...this.spec.keyDoc },
      copies: Object.entries(this.spec.copies ?? {}).map(([name, c]) => ({ name, value: c.doc ?? c.build(p) })),
      listed: this.hasRow ? (this.spec.listed ?? null) : undefined,
      rowOnly: this.spec.rowOnly ?? [],
      projected: this.spec.projected ?? [],
      indexes: this.places().map(([name, place]) => ({
        name,
        pk: part(place.pk),
        sk: part(place.sk),
        when: place.when?.doc,
        serves: place.serves,
      })),
    };
  }
}

/** Declares an item type (see {@link ItemDeclaration}). */
export const defineItem = <S extends z.ZodType<Attrs>, K extends Attrs = z.infer<S>>(spec: ItemSpec<S, K>) => new ItemDeclaration(spec);

/** `SET a, b REMOVE c` from clause lists; either may be empty. */
export const updateExpression = (sets: string[], removes: string[] = []) =>
  [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' ');
