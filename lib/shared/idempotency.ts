import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { ddb, tableName } from '../db/client';
import { idempotencyItem, idempotencyRecordSchema, orderIdempotencyItem } from './items';
import { ConflictError } from '../http/errors';
import type { Reply } from '../http/route';
import { msg } from '../i18n';

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
  req: { user: { id: string }; idempotencyKey?: string; body: unknown; params?: unknown },
  route: string,
): IdempotencyRequest | undefined =>
  req.idempotencyKey === undefined
    ? undefined
    : { userId: req.user.id, route, key: req.idempotencyKey, digest: bodyDigest({ params: req.params ?? null, body: req.body ?? null }) };

/** The Put that records the first answer, written in the same transaction as the change it answers. */
export const idempotencyPut = (req: IdempotencyRequest, reply: Reply, now: Date, orderId?: string) => {
  const record = {
    userId: req.userId,
    route: req.route,
    key: req.key,
    digest: req.digest,
    reply: { status: reply.status, body: reply.body },
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

/** Replays a stored answer when the key was used with the same body; another body is refused. */
export const replay = (item: Record<string, unknown> | undefined, req: IdempotencyRequest, now: Date): Reply | undefined => {
  const parsed = stored.safeParse(item);
  if (!parsed.success) return undefined;
  if (parsed.data.expiresAt * 1000 <= now.getTime()) return undefined;
  if (parsed.data.digest !== req.digest) {
    throw new ConflictError('IDEMPOTENCY_KEY_REUSED', msg('detail.idempotencyKeyReused'));
  }
  return { status: parsed.data.reply.status, body: parsed.data.reply.body, headers: { 'idempotent-replayed': 'true' } };
};

/** Access pattern: the record of a key, one GetItem (commands whose answer is only known after their write). */
export const findRecord = async (req: IdempotencyRequest) =>
  (await ddb.send(new GetCommand({ TableName: tableName, Key: idempotencyItem.key(req), ConsistentRead: true })))
    .Item;

/**
 * Records the answer of a command whose change is a single conditional write that cannot carry the record
 * (product commands, webhook settings): written after the change. Were it lost, a retry is refused by the
 * command's own condition (409), never applied twice. A concurrent first record wins.
 */
export const recordReply = async (req: IdempotencyRequest, reply: Reply, now: Date) => {
  const { Put } = idempotencyPut(req, reply, now);
  try {
    await ddb.send(new PutCommand(Put));
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
};
