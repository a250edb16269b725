import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { queryPage } from '../db/query';
import { updateExpression } from '../db/item';
import { Expr } from '../db/write';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import { UnsafeUrlError, checkWebhookUrl } from '../outbound/address';
import { deliveryItem, webhookItem } from './items';
import { deliveryItemSchema, webhookItemSchema, type DeliveryItem, type WebhookItem } from './schemas';
import { msg } from '../i18n';
import { secretBox } from '../shared/secret-box';
import type { DeliveryStatus } from '../i18n/terms';
import type { DisabledReason } from './views';

/** A signing secret of the Standard Webhooks form: `whsec_` and base64 of 24 random bytes. */
export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** What a sealed signing secret is bound to: its provider's endpoint (another item's sealed secret does not open). */
export const secretContext = (providerId: string) => ({ purpose: 'webhook-signing-secret', providerId });

const openedSecrets = new Map<string, string>();

/**
 * An endpoint's signing secret, opened (only the functions that sign may: their role holds the key): sealed, or
 * the plain text an endpoint registered before sealing still holds until its next PUT.
 */
export const signingSecretOf = async (w: WebhookItem): Promise<string> => {
  if (w.sealedSecret) {
    const key = `${w.providerId} ${w.sealedSecret}`;
    let opened = openedSecrets.get(key);
    if (opened === undefined) {
      opened = await openSecret(w.providerId, w.sealedSecret);
      // a warm sender signs many deliveries per endpoint: one KMS call per secret and instance, not per attempt
      if (openedSecrets.size >= 200) openedSecrets.clear();
      openedSecrets.set(key, opened);
    }
    return opened;
  }
  if (w.secret) return w.secret;
  throw new Error(`the webhook of ${w.providerId} holds no signing secret`);
};

/** A provider's signing secret from its sealed form (the endpoint's, or the one a recorded answer holds). */
export const openSecret = (providerId: string, sealed: string) => secretBox().open(sealed, secretContext(providerId));

/**
 * Registers (or replaces) a provider's endpoint with a new secret: the URL is checked (https, public
 * addresses only; 400 naming `url` otherwise), the secret sealed, then one PutItem. Answers the secret in plain
 * text beside the item: the one time it is shown.
 */
export const putWebhook = async (
  providerId: string,
  rawUrl: string,
  now: Date,
  allowLoopback: boolean,
  enabled = true,
): Promise<{ webhook: WebhookItem; secret: string }> => {
  const url = await checkWebhookUrl(rawUrl, allowLoopback).catch((err: unknown) => {
    if (err instanceof UnsafeUrlError) throw new ValidationError([{ path: 'url', message: err.text }]);
    throw err;
  });
  const at = now.toISOString();
  const secret = newSecret();
  const sealedSecret = await secretBox().seal(secret, secretContext(providerId));
  const item: WebhookItem = { providerId, url: url.toString(), sealedSecret, enabled, createdAt: at, updatedAt: at };
  await ddb.send(new PutCommand({ TableName: tableName, Item: webhookItem.item(item) }));
  return { webhook: item, secret };
};

/** A provider's endpoint (GetItem), or undefined. */
export const getWebhook = async (providerId: string): Promise<WebhookItem | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: webhookItem.key({ providerId }) }));
  return out.Item ? webhookItemSchema.parse(out.Item) : undefined;
};

/** The caller's own endpoint; 404 when none is registered. */
export const getOwnWebhook = async (providerId: string): Promise<WebhookItem> => {
  const webhook = await getWebhook(providerId);
  if (!webhook) throw new NotFoundError('webhook');
  return webhook;
};

/**
 * Stops deliveries to an endpoint that answered 410 Gone; only while it still has the URL that said so.
 * The reason is stored as its name and shown in the reader's language.
 */
export const disableWebhook = async (providerId: string, url: string, reason: DisabledReason, now: Date) => {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: webhookItem.key({ providerId }),
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

/** Records a delivery of one event, once: a redelivered stream record finds it already there. */
export const createDelivery = async (d: DeliveryItem): Promise<boolean> => {
  try {
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: deliveryItem.item(d),
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
  const expr = new Expr();
  const { sets } = deliveryItem.update(expr, { nextAttemptAt: leaseUntil }, { deliveryId: d.deliveryId, status: 'pending' });
  sets.push(...deliveryItem.set(expr, 'attemptCount', `${expr.name('attemptCount')} + ${expr.value(1)}`));
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: deliveryItem.key(d),
        UpdateExpression: updateExpression(sets),
        ConditionExpression: `${expr.eq('status', 'pending')} AND ${expr.eq('attemptCount', d.attemptCount)}`,
        ...expr.attrs(),
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
  const { sets, removes } = deliveryItem.update(
    expr,
    { status: outcome.status, nextAttemptAt: outcome.nextAttemptAt, updatedAt: attempt.at },
    d,
    true,
  );
  sets.push(...deliveryItem.set(expr, 'attempts', `list_append(${expr.name('attempts')}, ${expr.value([attempt])})`));
  await ddb.send(
    new UpdateCommand({
      TableName: tableName,
      Key: deliveryItem.key(d),
      UpdateExpression: updateExpression(sets, removes),
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
    await ddb.send(new DeleteCommand({ TableName: tableName, Key: webhookItem.key({ providerId }), ConditionExpression: 'attribute_exists(PK)' }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw new NotFoundError('webhook');
    throw err;
  }
};

/** One delivery by id, consistent (the answer after an attempt). */
export const getDelivery = async (deliveryId: string): Promise<DeliveryItem | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: deliveryItem.key({ deliveryId }), ConsistentRead: true }));
  return out.Item ? parseDelivery(out.Item) : undefined;
};

/**
 * Puts a failed or gone delivery of this provider back to pending (same id, so the same `webhook-id`), due
 * now in the retry index: one conditional update. Someone else's or absent → 404; pending or succeeded → 409.
 */
export const reopenDelivery = async (providerId: string, deliveryId: string, now: Date): Promise<DeliveryItem> => {
  const at = now.toISOString();
  const expr = new Expr();
  const { sets } = deliveryItem.update(expr, { status: 'pending', nextAttemptAt: at, updatedAt: at }, { deliveryId, providerId });
  sets.push(...deliveryItem.set(expr, 'redeliveredAt', expr.value(at)));
  const condition = `${expr.eq('type', deliveryItem.type)} AND ${expr.eq('providerId', providerId)} AND ${expr.in('status', ['failed', 'gone'])}`;
  try {
    const out = await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: deliveryItem.key({ deliveryId }),
        UpdateExpression: updateExpression(sets),
        ConditionExpression: condition,
        ...expr.attrs(),
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return parseDelivery(out.Attributes ?? {});
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    const seen = err.Item ? unmarshall(err.Item as never) : undefined;
    if (!seen || !deliveryItem.is(seen) || seen.providerId !== providerId) throw new NotFoundError('delivery');
    throw new ConflictError('DELIVERY_NOT_FAILED', msg('detail.deliveryNotFailed', { status: seen.status as DeliveryStatus }), {
      currentStatus: seen.status,
    });
  }
};
