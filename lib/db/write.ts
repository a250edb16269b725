import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  TransactWriteCommand,
  UpdateCommand,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError } from '../http/errors';
import { ddb } from './client';
import { msg } from '../i18n';

type Item = Record<string, unknown>;

/**
 * A refused condition: the name of the refused write (its name in the transaction, or the name given to a
 * single write) and the item it saw (ALL_OLD), so a caller decodes the failure by name, never by position.
 */
export class ConditionFailed extends Error {
  constructor(
    readonly failed: string,
    readonly item: Item | undefined,
    /** Every refused part of the transaction, by name (`failed` is the first). */
    readonly allFailed: string[] = [failed],
  ) {
    super(`condition failed: ${failed}`);
  }

  /** Whether `err` is a refused condition of the write named `name`. */
  static of(err: unknown, name: string): err is ConditionFailed {
    return err instanceof ConditionFailed && err.failed === name;
  }
}

const CONFLICT_RETRIES = 3;

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;
export type TransactItem = TransactItems[number];

/**
 * The writes of one transaction, by name: the name says what a write is (`order`, `entry`, `rate`…) and is
 * what a refused condition reports. An absent (`undefined` or `false`) write is left out, so optional parts
 * read `idempotency: idempotency && idempotencyPut(…)`.
 */
export type NamedWrites = Record<string, TransactItem | undefined | false | null>;

/**
 * One TransactWriteItems. Every conditioned part returns the item it saw when refused, and the refusal
 * names the part ({@link ConditionFailed}). A conflict with a concurrent transaction (AWS only) is retried:
 * the conditions are evaluated again, so a retry never applies a change twice.
 */
export const transactWrite = async (writes: NamedWrites): Promise<void> => {
  const named = Object.entries(writes).filter((e): e is [string, TransactItem] => Boolean(e[1]));
  if (named.length === 0) return;
  const withOld = named.map(([, it]) => {
    const [kind, body] = Object.entries(it)[0] as [string, Record<string, unknown>];
    return { [kind]: body.ConditionExpression ? { ...body, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } : body };
  }) as TransactItems;
  for (let attempt = 0; ; attempt++) {
    try {
      await ddb.send(new TransactWriteCommand({ TransactItems: withOld }));
      return;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = err.CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) {
        const raw = reasons[failed].Item;
        const all = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [named[i][0]] : []));
        throw new ConditionFailed(named[failed][0], raw ? unmarshall(raw as never) : undefined, all);
      }
      if (reasons.some((r) => r.Code === 'TransactionConflict') && attempt < CONFLICT_RETRIES) {
        await new Promise((r) => setTimeout(r, 20 * 2 ** attempt + Math.random() * 20));
        continue;
      }
      if (reasons.some((r) => r.Code === 'TransactionConflict')) {
        throw new ConflictError('CONCURRENT_UPDATE', msg('detail.concurrentUpdate'));
      }
      throw err;
    }
  }
};

/**
 * One conditional UpdateItem returning the new item; a refused condition ({@link ConditionFailed} named
 * `name`) returns the item it saw.
 */
export const updateItem = async (input: UpdateCommandInput, name = 'update'): Promise<Item> => {
  try {
    const out = await ddb.send(
      new UpdateCommand({ ...input, ReturnValues: 'ALL_NEW', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
    );
    return out.Attributes ?? {};
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) {
      throw new ConditionFailed(name, err.Item ? unmarshall(err.Item as never) : undefined);
    }
    throw err;
  }
};

/** Builds `ExpressionAttributeNames`/`Values` and a SET clause from plain objects. */
export class Expr {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private n = 0;
  private rowPaths = false;

  /**
   * Runs `fn` (the filter of an index Query) with every attribute name but the keys and `type` read inside the
   * list row (`status` → `row.status`): an index holds an item's attributes in its row (lib/db/item.ts).
   */
  inRow<T>(fn: (expr: this) => T): T {
    this.rowPaths = true;
    try {
      return fn(this);
    } finally {
      this.rowPaths = false;
    }
  }

  name(path: string): string {
    const inRow = this.rowPaths && !/^(PK|SK|type|row|GSI\d+(PK|SK))$/.test(path.split('.')[0]);
    return (inRow ? `row.${path}` : path)
      .split('.')
      .map((part) => {
        const key = `#${part.replace(/[^A-Za-z0-9_]/g, '_')}`;
        this.names[key] = part;
        return key;
      })
      .join('.');
  }

  value(v: unknown): string {
    const key = `:v${this.n++}`;
    this.values[key] = v;
    return key;
  }

  /** `#a IN (:v1, :v2)` */
  in(path: string, options: readonly unknown[]): string {
    return `${this.name(path)} IN (${options.map((o) => this.value(o)).join(', ')})`;
  }

  eq(path: string, v: unknown): string {
    return `${this.name(path)} = ${this.value(v)}`;
  }

  attrs() {
    return {
      ExpressionAttributeNames: Object.keys(this.names).length ? this.names : undefined,
      ExpressionAttributeValues: Object.keys(this.values).length ? this.values : undefined,
    };
  }
}
