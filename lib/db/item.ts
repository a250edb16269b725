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

/** One half of an index key: the attributes it is made of and how. */
export interface KeyPart<V> {
  /** The attributes the key is made of: an update changing one of them rewrites the key. */
  uses: readonly (keyof V & string)[];
  build: (v: V) => string;
  /** How docs/indexes.md shows the key, when building it from placeholders would not say it (hashes, codes). */
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
  /** Where the declaration lives (docs/indexes.md). */
  home: string;
}

/** Attributes no declared value carries: the key, `type` and every index key are the declaration's. */
const RESERVED = /^(PK|SK|type|GSI\d+(PK|SK))$/;

const placeholders = (): Attrs =>
  new Proxy({}, { get: (_, name) => (typeof name === 'string' ? `<${name}>` : undefined) }) as Attrs;

/** The item's facts as far as an update knows them: reading an unknown one is a mistake of the declaration's caller. */
const known = (v: Attrs, what: string): Attrs =>
  new Proxy(v, {
    get: (target, name) => {
      if (typeof name === 'string' && !(name in target)) throw new Error(`${what} needs \`${name}\`, which the update does not know`);
      return target[name as string];
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

  /** The stored attributes of a stored item, checked against the shape. */
  parse(item: Attrs): z.infer<S> {
    return this.spec.schema.parse(item);
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

  /**
   * The whole stored item of a value: its key, `type`, its attributes (checked against the shape) and its
   * index keys. Stale key attributes in the value (an item read before) are dropped and computed again.
   */
  item(v: z.infer<S> & K): Attrs {
    const keyOnly = new Set<string>(this.spec.keyOnly ?? []);
    const attrs = Object.fromEntries(Object.entries(v).filter(([k]) => !RESERVED.test(k) && !keyOnly.has(k)));
    const checked = this.spec.schema.safeParse(attrs);
    if (!checked.success) throw new Error(`${this.spec.type} item does not match its declaration: ${checked.error.message}`);
    return { ...this.spec.key(v), type: this.spec.type, ...attrs, ...this.indexAttributes(v) };
  }

  /**
   * The index keys an update must set or remove, given the attributes it changes (`undefined`: removed) and
   * what else it knows of the item. A key is rewritten when an attribute it is made of changes; a sparse
   * place is entered or left when its test's attributes change. Reading an attribute the update does not
   * know throws: the update must know every fact of the keys it moves (ElectroDB's rule for composite keys).
   */
  indexChanges(
    changed: Partial<z.infer<S> & K>,
    context: Partial<z.infer<S> & K> = {},
    /** The context is the whole item as read: an attribute absent from it is absent from the item. */
    whole = false,
  ): { set: Record<string, string>; remove: string[] } {
    const merged = { ...context, ...changed } as Attrs;
    const v = (whole ? merged : known(merged, `${this.spec.type}'s index keys`)) as z.infer<S> & K;
    const touched = (uses: readonly string[]) => uses.some((u) => u in changed);
    const set: Record<string, string> = {};
    const remove: string[] = [];
    for (const [name, place] of this.places()) {
      const { pk, sk } = indexes[name];
      const pkMoves = touched(place.pk.uses);
      const skMoves = touched(place.sk.uses);
      const placeMoves = place.when !== undefined && touched(place.when.uses);
      if (!pkMoves && !skMoves && !placeMoves) continue;
      if (place.when && !place.when.test(v)) {
        remove.push(pk, sk);
        continue;
      }
      if (pkMoves || placeMoves) set[pk] = place.pk.build(v);
      if (skMoves || placeMoves) set[sk] = place.sk.build(v);
    }
    return { set, remove };
  }

  /**
   * The SET and REMOVE clauses of an update that changes `changed` (`undefined`: removed) and the index keys
   * that follow from it; the caller adds its own clauses (counters, list appends) to the lists.
   */
  update(expr: Expr, changed: Partial<z.infer<S> & K>, context: Partial<z.infer<S> & K> = {}, whole = false) {
    const { set, remove } = this.indexChanges(changed, context, whole);
    const sets: string[] = [];
    const removes: string[] = [];
    for (const [name, value] of Object.entries({ ...changed, ...set })) {
      if (RESERVED.test(name) && !(name in set)) throw new Error(`${name} is the declaration's, not the update's`);
      if (value === undefined) removes.push(expr.name(name));
      else sets.push(`${expr.name(name)} = ${expr.value(value)}`);
    }
    removes.push(...remove.map((r) => expr.name(r)));
    return { sets, removes };
  }

  /**
   * SET clauses writing `type` and every index key of the item: for an item that updates create (a counter
   * ADD makes), whose attributes the update adds besides.
   */
  identity(expr: Expr, v: z.infer<S> & K): string[] {
    return Object.entries({ type: this.spec.type, ...this.indexAttributes(v) }).map(([k, val]) => `${expr.name(k)} = ${expr.value(val)}`);
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
