import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { ifAbsent, updateExpression } from '../db/item';
import { queryPage } from '../db/query';
import { Expr } from '../db/write';
import { ConflictError, NotFoundError } from '../http/errors';
import { msg } from '../i18n';
import { secretBox } from '../shared/secret-box';
import { saasCallItem, saasEndpointItem } from './items';
import type { SaasAction } from './protocol';
import { saasCallItemSchema, saasEndpointItemSchema, type SaasCallItem, type SaasEndpointItem } from './schemas';

/** What a sealed token is bound to: its organisation's SaaS endpoint (a webhook secret's context does not open it). */
export const tokenContext = (providerId: string) => ({ purpose: 'saas-endpoint-token', providerId });

export const sealToken = (providerId: string, token: string) => secretBox().seal(token, tokenContext(providerId));

const openedTokens = new Map<string, string>();

/** An endpoint's token, opened (one KMS call per token and warm instance, not per call). */
export const tokenOf = async (e: SaasEndpointItem): Promise<string> => {
  const cacheKey = `${e.providerId} ${e.sealedToken}`;
  let token = openedTokens.get(cacheKey);
  if (token === undefined) {
    token = await secretBox().open(e.sealedToken, tokenContext(e.providerId));
    if (openedTokens.size >= 200) openedTokens.clear();
    openedTokens.set(cacheKey, token);
  }
  return token;
};

/** An organisation's SaaS endpoint (GetItem), or undefined. */
export const getSaasEndpoint = async (providerId: string, consistent = false): Promise<SaasEndpointItem | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: saasEndpointItem.key({ providerId }), ConsistentRead: consistent }));
  return out.Item ? saasEndpointItemSchema.parse(out.Item) : undefined;
};

/** Saves (replaces) an organisation's endpoint, verified: one PutItem; the passes of the one before are gone. */
export const putSaasEndpoint = async (e: SaasEndpointItem): Promise<void> => {
  await ddb.send(new PutCommand({ TableName: tableName, Item: saasEndpointItem.item(e) }));
};

/**
 * Records that an action passed 接口调试 against the endpoint as saved at `revision`: a conditional update, so a
 * pass of an endpoint saved again meanwhile is not recorded against the new one. Answers the item as it is now.
 */
export const recordPass = async (
  providerId: string,
  revision: string,
  action: SaasAction,
  at: string,
  /** createInstance's test instance, for the other actions to work on. */
  debugInstance?: { orderId: string; signId: string },
): Promise<SaasEndpointItem | undefined> => {
  try {
    const out = await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: saasEndpointItem.key({ providerId }),
        UpdateExpression: `SET passed.#action = :at${debugInstance ? ', debugInstance = :instance' : ''}`,
        ConditionExpression: 'revision = :revision',
        ExpressionAttributeNames: { '#action': action },
        ExpressionAttributeValues: { ':at': at, ':revision': revision, ...(debugInstance ? { ':instance': debugInstance } : {}) },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return saasEndpointItemSchema.parse(out.Attributes);
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
};

/** The latest outcome of a call, as `recordCall` stores it. */
export interface CallOutcome {
  callId: string;
  providerId: string;
  action: SaasAction;
  orderId?: string;
  url: string;
  request: string;
  status: 'succeeded' | 'failed';
  httpStatus?: number;
  latencyMs: number;
  signId?: string;
  answer?: string;
  error?: string;
}

/**
 * Records one attempt of a call in the call log: one UpdateItem creating the call on its first attempt (its
 * createdAt, hence its place in the log, kept from then) and counting every attempt of the same eventId.
 */
export const recordCall = async (o: CallOutcome, now: Date): Promise<SaasCallItem> => {
  const at = now.toISOString();
  const expr = new Expr();
  const changed: Partial<SaasCallItem> = {
    providerId: o.providerId,
    callId: o.callId,
    action: o.action,
    orderId: o.orderId,
    url: o.url,
    request: o.request,
    status: o.status,
    httpStatus: o.httpStatus,
    latencyMs: o.latencyMs,
    signId: o.signId,
    answer: o.answer,
    error: o.error,
    createdAt: ifAbsent(at),
    updatedAt: at,
  };
  const { sets, removes } = saasCallItem.update(expr, changed, { providerId: o.providerId, callId: o.callId });
  sets.push(`${expr.name('type')} = ${expr.value(saasCallItem.type)}`);
  sets.push(`${expr.name('attempts')} = if_not_exists(${expr.name('attempts')}, ${expr.value(0)}) + ${expr.value(1)}`);
  const out = await ddb.send(
    new UpdateCommand({
      TableName: tableName,
      Key: saasCallItem.key(o),
      UpdateExpression: updateExpression(sets, removes),
      ...expr.attrs(),
      ReturnValues: 'ALL_NEW',
    }),
  );
  return saasCallItemSchema.parse(out.Attributes);
};

/** One call of an organisation (GetItem, consistent), or undefined: the key holds the organisation. */
export const getSaasCall = async (providerId: string, callId: string): Promise<SaasCallItem | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: saasCallItem.key({ providerId, callId }), ConsistentRead: true }));
  return out.Item ? saasCallItemSchema.parse(out.Item) : undefined;
};

/** Access pattern: an organisation's SaaS calls, newest first (GSI1). */
export const listSaasCalls = async (providerId: string, q: { limit: number; cursor?: string }) => {
  const page = await queryPage({ index: 'GSI1', pk: keys.providerSaasCalls(providerId), expr: new Expr(), limit: q.limit, cursor: q.cursor, newestFirst: true });
  return { items: page.items.map((i) => saasCallItemSchema.parse(i)), nextCursor: page.nextCursor };
};

/** A resend that died mid-call may be taken again after this long. */
const SENDING_LEASE_MS = 60_000;

/**
 * Takes a failed call for a resend: one conditional update to `sending` (so two resends at once send once).
 * Absent (or someone else's: the key holds the organisation) → 404; succeeded or being sent → 409.
 */
export const claimResend = async (providerId: string, callId: string, now: Date): Promise<SaasCallItem> => {
  const expr = new Expr();
  const stale = new Date(now.getTime() - SENDING_LEASE_MS).toISOString();
  try {
    const out = await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: saasCallItem.key({ providerId, callId }),
        UpdateExpression: updateExpression([...saasCallItem.set(expr, 'status', expr.value('sending')), ...saasCallItem.set(expr, 'updatedAt', expr.value(now.toISOString()))]),
        ConditionExpression: `${expr.eq('type', saasCallItem.type)} AND (${expr.eq('status', 'failed')} OR (${expr.eq('status', 'sending')} AND ${expr.name('updatedAt')} < ${expr.value(stale)}))`,
        ...expr.attrs(),
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return saasCallItemSchema.parse(out.Attributes);
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    const seen = err.Item ? unmarshall(err.Item as never) : undefined;
    if (!seen || !saasCallItem.is(seen)) throw new NotFoundError('saasCall');
    throw new ConflictError('SAAS_CALL_NOT_FAILED', msg('detail.saasCallNotFailed'), { currentStatus: seen.status });
  }
};
