import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { ConditionFailed, Expr, transactWrite } from '../db/write';
import type { User } from '../http/auth';
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from '../http/errors';
import { canRead, sideOf, writerCondition } from '../orders/access';
import { memberRoleIn, MemberRoleForbiddenError } from '../providers/access';
import { roleAllows, rolesFor } from '../providers/roles';
import { parseHead } from '../orders/layout';
import { newId } from '../shared/ids';
import { rateLimitUpdate, throttled, type RateRule } from '../shared/rate-limit';
import { foreignReferences, storedProblem, verifiedKeyOf, type Reference } from './model';
import { attachmentCounterItem, attachmentItem, partyCount } from './items';
import { attachmentItemSchema, MAX_ATTACHMENTS_PER_PARTY, type AttachmentItem, type GrantInput } from './schemas';
import { headStored, keepVerified, storageUnavailable } from './storage';
import { checkKeptCopy } from './verify';
import { msg } from '../i18n';

const memberMayAttach = (o: { providerId: string }, user: User) => {
  const role = memberRoleIn(user, o.providerId);
  return role !== undefined && roleAllows(role, rolesFor('attach'));
};

export const parseAttachment = (item: Record<string, unknown>) => attachmentItemSchema.parse(item);

/**
 * Grants an upload: one transaction — the order is the caller's (or disputed, for an operator) and not
 * cancelled, the caller's own count on the order's attachment counter stays at most 50 (a quota per party:
 * one party's grants never use up the other's), the caller's per-user rate limit of grants, and the
 * record is written. No read first.
 */
export const grantAttachment = async (user: User, orderId: string, input: GrantInput, now: Date, rate?: RateRule): Promise<AttachmentItem> => {
  const attachmentId = newId(now.getTime());
  const record: AttachmentItem = {
    attachmentId,
    orderId,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    objectKey: keys.attachmentObject(orderId, attachmentId),
    uploadedBy: user.id,
    createdAt: now.toISOString(),
  };
  const order = new Expr();
  // the order's side the user is on (lib/orders/access), as a condition: nothing is read first
  const orderCondition = `${order.eq('type', 'order')} AND ${order.name('status')} <> ${order.value('cancelled')} AND ${writerCondition(order, user, rolesFor('attach'))}`;
  try {
    await transactWrite({
      order: { ConditionCheck: { TableName: tableName, Key: keys.order(orderId), ConditionExpression: orderCondition, ...order.attrs() } },
      counter: {
        Update: {
          TableName: tableName,
          Key: attachmentCounterItem.key({ orderId }),
          // `count`: the order's total; `#mine`: this party's own grants, the one the quota holds
          UpdateExpression: 'SET #type = :type ADD #count :one, #mine :one',
          ConditionExpression: 'attribute_not_exists(#mine) OR #mine < :max',
          ExpressionAttributeNames: { '#type': 'type', '#count': 'count', '#mine': partyCount(user.id) },
          ExpressionAttributeValues: { ':type': attachmentCounterItem.type, ':one': 1, ':max': MAX_ATTACHMENTS_PER_PARTY },
        },
      },
      attachment: {
        Put: {
          TableName: tableName,
          Item: attachmentItem.item(record),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      // a full window refuses the grant and nothing of it is written
      rate: rate && rateLimitUpdate(rate, user.id, now),
    });
  } catch (err) {
    if (!(err instanceof ConditionFailed)) throw err;
    if (err.failed === 'rate' && rate) throw throttled(rate, now);
    if (err.failed === 'counter') {
      throw new ConflictError('TOO_MANY_ATTACHMENTS', msg('detail.tooManyAttachments', { max: MAX_ATTACHMENTS_PER_PARTY }));
    }
    const seen = err.item?.type === 'order' ? parseHead(err.item) : undefined;
    if (!seen || !canRead(seen, user)) throw new NotFoundError('order');
    // the order's provider side, in a member role that may not attach files
    if (seen.status !== 'cancelled' && sideOf(seen, user) === 'provider' && !memberMayAttach(seen, user)) throw new MemberRoleForbiddenError(rolesFor('attach'));
    throw new InvalidStateError('add-attachment', seen.status);
  }
  return record;
};

/** Access pattern: an attachment for download, with its order (one BatchGetItem); 404 unless a party or an operator. */
export const getAttachmentFor = async (user: User, orderId: string, attachmentId: string): Promise<AttachmentItem> => {
  const orderKey = keys.order(orderId);
  const attachmentKey = attachmentItem.key({ orderId, attachmentId });
  const out = await ddb.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [orderKey, attachmentKey] } } }));
  const items = out.Responses?.[tableName] ?? [];
  const rawOrder = items.find((i) => i.SK === orderKey.SK);
  const rawAttachment = items.find((i) => i.SK === attachmentKey.SK);
  if (!rawOrder || !rawAttachment || !canRead(parseHead(rawOrder), user)) throw new NotFoundError('attachment');
  return parseAttachment(rawAttachment);
};

/**
 * Checks a command's references: each must be an attachment of this order (400 naming the field), and
 * an attachment referenced for the first time must be in S3 within what was granted. Answers the writes
 * that record the check, for the command's own transaction.
 */
export const checkReferences = async (refs: Reference[], ofOrder: AttachmentItem[], now: Date) => {
  if (refs.length === 0) return [];
  const byId = new Map(ofOrder.map((a) => [a.attachmentId, a]));
  const foreign = foreignReferences(refs, byId);
  if (foreign.length) throw new ValidationError(foreign, msg('detail.foreignAttachments'));
  const firstRefs = refs.filter((r, i) => !byId.get(r.attachmentId)!.verifiedAt && refs.findIndex((o) => o.attachmentId === r.attachmentId) === i);
  const checked = await Promise.all(
    firstRefs.map(async (r) => {
      const a = byId.get(r.attachmentId)!;
      const stored = await headStored(a);
      return { r, a, stored, problem: storedProblem(a, stored) };
    }),
  );
  const problems = checked.filter((c) => c.problem).map((c) => ({ path: c.r.path, message: c.problem! }));
  if (problems.length) throw new ValidationError(problems, msg('detail.attachmentMismatch'));
  // what was checked is kept where no grant reaches: a later post to the grant changes nothing that is served
  const kept = await Promise.all(
    checked.map(async (c) => {
      const etag = c.stored.exists ? c.stored.etag : undefined;
      if (!etag) throw storageUnavailable();
      const verifiedKey = verifiedKeyOf(c.a, etag);
      return { ...c, verifiedKey, verifiedETag: await keepVerified(c.a, verifiedKey, etag) };
    }),
  );
  const changed = kept.filter((k) => !k.verifiedETag).map((k) => ({ path: k.r.path, message: msg('field.uploadChanged') }));
  if (changed.length) throw new ValidationError(changed, msg('detail.attachmentMismatch'));
  return kept.map(({ a, stored, verifiedKey, verifiedETag }) => ({
    Update: {
      TableName: tableName,
      Key: attachmentItem.key(a),
      UpdateExpression: 'SET #verifiedAt = :at, #storedSize = :size, #verifiedKey = :key, #verifiedETag = :etag',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#verifiedAt': 'verifiedAt', '#storedSize': 'storedSize', '#verifiedKey': 'verifiedKey', '#verifiedETag': 'verifiedETag' },
      ExpressionAttributeValues: { ':at': now.toISOString(), ':size': stored.exists ? stored.size : 0, ':key': verifiedKey, ':etag': verifiedETag! },
    },
  }));
};

/**
 * The object a download may serve: the copy kept at the first reference, only while S3 still holds exactly
 * what was checked there (its ETag); 409 ATTACHMENT_ALTERED otherwise, never other bytes under the record's
 * name. An attachment never referenced serves its upload as it is.
 */
export const checkServed = async (a: AttachmentItem): Promise<void> => {
  if (!a.verifiedKey) return;
  await checkKeptCopy(a.verifiedKey, a.verifiedETag, { orderId: a.orderId, attachmentId: a.attachmentId });
};
