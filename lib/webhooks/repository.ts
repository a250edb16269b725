import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { queryPage } from '../db/query';
import { Expr } from '../db/write';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import { UnsafeUrlError, checkWebhookUrl } from './address';
import { deliveryItemSchema, webhookItemSchema, type DeliveryItem, type WebhookItem } from './schemas';
import { msg } from '../i18n';
import type { DeliveryStatus } from '../i18n/terms';

/** A signing secret of the Standard Webhooks form: `whsec_` and base64 of 24 random bytes. */
export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * Registers (or replaces) a provider's endpoint with a new secret: the URL is checked (https, public
 * addresses only; 400 naming `url` otherwise), then one PutItem.
 */
export const putWebhook = async (providerId: string, rawUrl: string, now: Date, allowLoopback: boolean, enabled = true): Promise<WebhookItem> => {
  const url = await checkWebhookUrl(rawUrl, allowLoopback).catch((err: unknown) => {
    if (err instanceof UnsafeUrlError) throw new ValidationError([{ path: 'url', message: err.text }]);
    throw err;
  });
  const at = now.toISOString();
  const item: WebhookItem = { providerId, url: url.toString(), secret: newSecret(), enabled, createdAt: at, updatedAt: at };
  await ddb.send(new PutCommand({ TableName: tableName, Item: { ...keys.webhook(providerId), type: 'webhook', ...item } }));
  return item;
};

/** A provider's endpoint (GetItem), or undefined. */
export const getWebhook = async (providerId: string): Promise<WebhookItem | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: keys.webhook(providerId) }));
  return out.Item ? webhookItemSchema.parse(out.Item) : undefined;
};

/** The caller's own endpoint; 404 when none is registered. */
export const getOwnWebhook = async (providerId: string): Promise<WebhookItem> => {
  const webhook = await getWebhook(providerId);
  if (!webhook) throw new NotFoundError('webhook');
  return webhook;
};

/** Stops deliveries to an endpoint that answered 410 Gone; only while it still has the URL that said so. */
export const disableWebhook = async (providerId: string, url: string, reason: string, now: Date) => {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.webhook(providerId),
        UpdateExpression: 'SET enabled = :false, disabledReason = :reason, updatedAt = :now',
        ConditionExpression: '#url = :url',
        ExpressionAttributeNames: { '#url': 'url' },
        ExpressionAttributeValues: { ':false': false, ':reason': reason, ':now': now.toISOString(), ':url': url },
      }),
    );
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
};

/** Deliveries by status (GSI8): set by every write that sets a delivery's status. */
const statusKeys = (d: Pick<DeliveryItem, 'providerId' | 'deliveryId' | 'createdAt'>, status: DeliveryItem['status']) => ({
  GSI8PK: keys.deliveriesByStatus(d.providerId, status),
  GSI8SK: keys.sortByTime(d.createdAt, d.deliveryId),
});

const retryKeys = (deliveryId: string, at: string) => ({ GSI4PK: keys.retryShard(deliveryId), GSI4SK: keys.sortByTime(at, deliveryId) });

/** Records a delivery of one event, once: a redelivered stream record finds it already there. */
export const createDelivery = async (d: DeliveryItem): Promise<boolean> => {
  try {
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.delivery(d.deliveryId),
          type: 'delivery',
          ...d,
          GSI1PK: keys.providerDeliveries(d.providerId),
          GSI1SK: keys.sortByTime(d.createdAt, d.deliveryId),
          ...statusKeys(d, d.status),
          ...retryKeys(d.deliveryId, d.nextAttemptAt ?? d.createdAt),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
};

/**
 * Takes the next attempt of a delivery for one sender: a conditional update on the attempt count the
 * sender saw, which also pushes the retry time past a lease, so a crashed sender's attempt comes due again
 * and two senders never send the same attempt.
 */
export const claimAttempt = async (d: DeliveryItem, now: Date, leaseMs: number): Promise<boolean> => {
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.delivery(d.deliveryId),
        UpdateExpression: 'SET attemptCount = attemptCount + :one, nextAttemptAt = :lease, GSI4PK = :pk, GSI4SK = :sk',
        ConditionExpression: '#status = :pending AND attemptCount = :seen',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':lease': leaseUntil,
          ':pending': 'pending',
          ':seen': d.attemptCount,
          ':pk': keys.retryShard(d.deliveryId),
          ':sk': keys.sortByTime(leaseUntil, d.deliveryId),
        },
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
};

/** Appends an attempt and sets what follows: done, gone, failed for good, or the next retry time. */
export const recordAttempt = async (
  d: DeliveryItem,
  attempt: DeliveryItem['attempts'][number],
  outcome: { status: DeliveryItem['status']; nextAttemptAt?: string },
) => {
  const expr = new Expr();
  const sets = [
    `${expr.name('attempts')} = list_append(${expr.name('attempts')}, ${expr.value([attempt])})`,
    `${expr.name('status')} = ${expr.value(outcome.status)}`,
    `${expr.name('GSI8PK')} = ${expr.value(statusKeys(d, outcome.status).GSI8PK)}`,
    `${expr.name('GSI8SK')} = ${expr.value(statusKeys(d, outcome.status).GSI8SK)}`,
    `${expr.name('updatedAt')} = ${expr.value(attempt.at)}`,
  ];
  let remove = '';
  if (outcome.nextAttemptAt) {
    const k = retryKeys(d.deliveryId, outcome.nextAttemptAt);
    sets.push(
      `${expr.name('nextAttemptAt')} = ${expr.value(outcome.nextAttemptAt)}`,
      `${expr.name('GSI4PK')} = ${expr.value(k.GSI4PK)}`,
      `${expr.name('GSI4SK')} = ${expr.value(k.GSI4SK)}`,
    );
  } else {
    remove = ` REMOVE ${expr.name('nextAttemptAt')}, ${expr.name('GSI4PK')}, ${expr.name('GSI4SK')}`;
  }
  await ddb.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.delivery(d.deliveryId),
      UpdateExpression: `SET ${sets.join(', ')}${remove}`,
      ...expr.attrs(),
    }),
  );
};

export const parseDelivery = (item: Record<string, unknown>) => deliveryItemSchema.parse(item);

/** Access pattern: a provider's deliveries, newest first (GSI1), or those in one status (GSI8). */
export const listDeliveries = async (providerId: string, q: { limit: number; cursor?: string; status?: DeliveryItem['status'] }) => {
  const page = await queryPage({
    ...(q.status
      ? { index: 'GSI8' as const, pk: keys.deliveriesByStatus(providerId, q.status) }
      : { index: 'GSI1' as const, pk: keys.providerDeliveries(providerId) }),
    expr: new Expr(),
    limit: q.limit,
    cursor: q.cursor,
    newestFirst: true,
  });
  return { items: page.items.map(parseDelivery), nextCursor: page.nextCursor };
};

/** Removes a provider's endpoint (one conditional DeleteItem); 404 when none is registered. Deliveries stay. */
export const deleteWebhook = async (providerId: string): Promise<void> => {
  try {
    await ddb.send(new DeleteCommand({ TableName: tableName, Key: keys.webhook(providerId), ConditionExpression: 'attribute_exists(PK)' }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw new NotFoundError('webhook');
    throw err;
  }
};

/** One delivery by id, consistent (the answer after an attempt). */
export const getDelivery = async (deliveryId: string): Promise<DeliveryItem | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: keys.delivery(deliveryId), ConsistentRead: true }));
  return out.Item ? parseDelivery(out.Item) : undefined;
};

/**
 * Puts a failed or gone delivery of this provider back to pending (same id, so the same `webhook-id`), due
 * now in the retry index: one conditional update. Someone else's or absent → 404; pending or succeeded → 409.
 */
export const reopenDelivery = async (providerId: string, deliveryId: string, now: Date): Promise<DeliveryItem> => {
  const at = now.toISOString();
  try {
    const out = await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.delivery(deliveryId),
        UpdateExpression:
          'SET #status = :pending, nextAttemptAt = :at, redeliveredAt = :at, updatedAt = :at, GSI8PK = :g8pk, GSI4PK = :g4pk, GSI4SK = :g4sk',
        ConditionExpression: '#type = :delivery AND providerId = :me AND #status IN (:failed, :gone)',
        ExpressionAttributeNames: { '#status': 'status', '#type': 'type' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':at': at,
          ':g8pk': keys.deliveriesByStatus(providerId, 'pending'),
          ':g4pk': keys.retryShard(deliveryId),
          ':g4sk': keys.sortByTime(at, deliveryId),
          ':delivery': 'delivery',
          ':me': providerId,
          ':failed': 'failed',
          ':gone': 'gone',
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return parseDelivery(out.Attributes ?? {});
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    const seen = err.Item ? unmarshall(err.Item as never) : undefined;
    if (!seen || seen.type !== 'delivery' || seen.providerId !== providerId) throw new NotFoundError('delivery');
    throw new ConflictError('DELIVERY_NOT_FAILED', msg('detail.deliveryNotFailed', { status: seen.status as DeliveryStatus }), {
      currentStatus: seen.status,
    });
  }
};
