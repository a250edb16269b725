import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { ddb, tableName } from '../db/client';
import { idempotencyItem, idempotencyRecordSchema, orderIdempotencyItem } from './items';
import { ConflictError } from '../http/errors';
import type { Reply } from '../http/route';
import { msg } from '../i18n';
import { logger } from '../observability/logger';

const TTL_SECONDS = 24 * 60 * 60;

/** A stable digest of a JSON body: key order does not matter. */
export const bodyDigest = (body: unknown): string => {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(JSON.stringify(canonical(body ?? null))).digest('hex');
};

export interface IdempotencyRequest {
  userId: string;
  route: string;
  key: string;
  digest: string;
}

/**
 * The idempotency scope of a command, or undefined when no `Idempotency-Key` was sent. The digest is of
 * the parsed request (path and body after validation and defaults), so `quantity` omitted and
 * `quantity: 1` are the same request.
 */
export const idempotencyOf = (
  req: { user: { id: string; provider?: { providerId: string } }; idempotencyKey?: string; body: unknown; params?: unknown },
  route: string,
): IdempotencyRequest | undefined =>
  req.idempotencyKey === undefined
    ? undefined
    : {
        userId: req.user.id,
        // a person acting for one of several organisations keeps one scope per organisation: the same key
        // sent for another organisation is another request
        route: req.user.provider ? `${route}@${req.user.provider.providerId}` : route,
        key: req.idempotencyKey,
        digest: bodyDigest({ params: req.params ?? null, body: req.body ?? null }),
      };

/** The largest answer body a record keeps as is; a larger answer is rebuilt by reading on replay. */
export const REPLAY_BODY_LIMIT = 16 * 1024;

/**
 * What a record keeps of an answer: the status, and the body when it is small. `rebuild` (what a replay
 * reads to answer again: the resource's id, the version the command made) is given by commands whose answer
 * can be read again; with `always`, the body is never kept (an order's answer grows with its history).
 * Undefined when the answer can neither be kept nor rebuilt: it is then not recorded.
 */
export interface Kept {
  reply: { status: number; body?: unknown };
  rebuild?: true;
  ref?: string;
  version?: number;
}

export const keptOf = (reply: Reply, rebuild?: { ref?: string; version?: number; always?: boolean }): Kept | undefined => {
  const small = Buffer.byteLength(JSON.stringify(reply.body ?? null), 'utf8') <= REPLAY_BODY_LIMIT;
  if (small && !rebuild?.always) return { reply: { status: reply.status, ...(reply.body === undefined ? {} : { body: reply.body }) } };
  if (!rebuild) return undefined;
  return { reply: { status: reply.status }, rebuild: true, ...(rebuild.ref ? { ref: rebuild.ref } : {}), ...(rebuild.version ? { version: rebuild.version } : {}) };
};

/** The Put of a command's replay record, written in the same transaction as the change it answers. */
export const idempotencyPut = (req: IdempotencyRequest, kept: Kept, now: Date, orderId?: string) => {
  const record = {
    userId: req.userId,
    route: req.route,
    key: req.key,
    digest: req.digest,
    ...kept,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + TTL_SECONDS,
  };
  return {
    Put: {
      TableName: tableName,
      Item: orderId === undefined ? idempotencyItem.item(record) : orderIdempotencyItem.item({ ...record, orderId }),
      // An expired record that TTL has not removed yet may be taken over.
      ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :nowSeconds',
      ExpressionAttributeValues: { ':nowSeconds': Math.floor(now.getTime() / 1000) },
    },
  };
};

const stored = idempotencyRecordSchema.extend({ type: z.literal(idempotencyItem.type) });

/** The header every replayed answer carries. */
export const REPLAYED = { 'idempotent-replayed': 'true' } as const;

/**
 * A recorded answer to a retry: the answer as kept, or what to read to rebuild it (`rebuild`, with the
 * recorded status). The caller rebuilds by the same read and view an ordinary read of the resource uses.
 */
export type Replay = { reply: Reply; rebuild?: undefined } | { reply: Reply; rebuild: { ref?: string; version?: number } };

/** Replays a stored answer when the key was used with the same body; another body is refused. */
export const replay = (item: Record<string, unknown> | undefined, req: IdempotencyRequest, now: Date): Replay | undefined => {
  const parsed = stored.safeParse(item);
  if (!parsed.success) return undefined;
  if (parsed.data.expiresAt * 1000 <= now.getTime()) return undefined;
  if (parsed.data.digest !== req.digest) {
    throw new ConflictError('IDEMPOTENCY_KEY_REUSED', msg('detail.idempotencyKeyReused'));
  }
  const { reply, rebuild, ref, version } = parsed.data;
  const answer: Reply = { status: reply.status, ...(reply.body === undefined ? {} : { body: reply.body }), headers: { ...REPLAYED } };
  return rebuild ? { reply: answer, rebuild: { ref, version } } : { reply: answer };
};

/** A rebuilt replay: the answer read again, with the recorded status and the replay header. */
export const rebuilt = (recorded: Reply, answer: Reply): Reply => ({
  ...answer,
  status: recorded.status,
  headers: { ...(answer.headers ?? {}), ...REPLAYED },
});

/** Access pattern: the record of a key, one GetItem (commands whose answer is only known after their write). */
export const findRecord = async (req: IdempotencyRequest) =>
  (await ddb.send(new GetCommand({ TableName: tableName, Key: idempotencyItem.key(req), ConsistentRead: true })))
    .Item;

/** Access pattern: an order command's record, one GetItem beside the Query of the order's partition. */
export const findOrderRecord = async (orderId: string, req: IdempotencyRequest) =>
  (await ddb.send(new GetCommand({ TableName: tableName, Key: orderIdempotencyItem.key({ ...req, orderId }), ConsistentRead: true })))
    .Item;

/**
 * Records the answer of a command whose change is a single conditional write that cannot carry the record
 * (product commands, webhook settings, reviews…): written after the change. Were it lost, a retry is refused
 * by the command's own condition (409), never applied twice; so a record that cannot be written never fails
 * the command it records (it is logged). A concurrent first record wins.
 */
export const recordReply = async (req: IdempotencyRequest, kept: Kept | undefined, now: Date) => {
  if (!kept) {
    logger.warn('answer too large to record and not rebuildable: not recorded', { route: req.route });
    return;
  }
  const { Put } = idempotencyPut(req, kept, now);
  try {
    await ddb.send(new PutCommand(Put));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return;
    logger.error('replay record not written', { route: req.route, error: err as Error });
  }
};
