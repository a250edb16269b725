import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { rateLimitUpdate, throttled, type RateRule } from '../shared/rate-limit';
import { ddb, tableName } from '../db/client';
import { indexes, keys } from '../db/keys';
import { updateExpression } from '../db/item';
import { queryPage, type Page } from '../db/query';
import { ConditionFailed, Expr, transactWrite, updateItem, type TransactItem } from '../db/write';
import { ConflictError, DomainError, GoneError, NotFoundError } from '../http/errors';
import { msg } from '../i18n';
import { membershipItem, membershipSchema, organisationItem, type MembershipItem } from '../providers/items';
import type { MemberRole } from '../providers/roles';
import { invitationItem, invitationSchema, type Invitation } from './items';
import { adminsDelta, invitationRefusal, invitationTimes, newInvitationToken, sameEmail, hashToken } from './model';
import { unwrapRows } from '../db/row';

const parseMember = (item: Record<string, unknown>): MembershipItem => membershipSchema.parse(item);
const parseInvitation = (item: Record<string, unknown>): Invitation => invitationSchema.parse(item);

/** Access pattern: an organisation's team, oldest member first (GSI1 `PROVIDER#<providerId>#MEMBERS`), a page. */
export const listMembers = async (providerId: string, q: { limit: number; cursor?: string }): Promise<Page<MembershipItem>> => {
  const page = await queryPage({ index: 'GSI1', pk: keys.organisationMembers(providerId), expr: new Expr(), limit: q.limit, cursor: q.cursor });
  return { items: page.items.map(parseMember), nextCursor: page.nextCursor };
};

/** One membership, read strongly consistently (the role a change starts from). */
const getMembership = async (userId: string, providerId: string): Promise<MembershipItem | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: membershipItem.key({ userId, providerId }), ConsistentRead: true }));
  return out.Item && membershipItem.is(out.Item) ? parseMember(out.Item) : undefined;
};

/**
 * The organisation's part of a change to its team: `admins` moved by `delta`, conditioned on the organisation
 * existing and, when an administrator goes, on another one staying (`admins > 1`): the last-administrator rule
 * as a condition in the change's own transaction (docs/decisions.md).
 */
const organisationAdmins = (providerId: string, delta: -1 | 0 | 1, at: string): TransactItem => {
  const expr = new Expr();
  const conditions = [expr.eq('type', organisationItem.type)];
  if (delta < 0) conditions.push(`${expr.name('admins')} > ${expr.value(1)}`);
  const sets = organisationItem.set(expr, 'updatedAt', expr.value(at));
  if (delta !== 0) sets.push(...organisationItem.set(expr, 'admins', `${expr.name('admins')} + ${expr.value(delta)}`));
  return {
    Update: {
      TableName: tableName,
      Key: organisationItem.key({ providerId }),
      UpdateExpression: updateExpression(sets),
      ConditionExpression: conditions.join(' AND '),
      ...expr.attrs(),
    },
  };
};

const lastAdmin = () => new ConflictError('LAST_ADMIN', msg('detail.lastAdmin'));
const memberChanged = () => new ConflictError('VERSION_CONFLICT', msg('detail.memberChanged'));

/** Explains a refused team change: the organisation's condition is the last administrator; the member's, a change in between. */
const explainTeamChange = (err: unknown): never => {
  if (ConditionFailed.of(err, 'organisation')) {
    if (!err.item || !organisationItem.is(err.item)) throw new NotFoundError('organisation');
    throw lastAdmin();
  }
  if (ConditionFailed.of(err, 'member')) {
    if (!err.item) throw new NotFoundError('member');
    throw memberChanged();
  }
  throw err;
};

/**
 * PATCH /provider/members/{userId}: the member's new role, in one transaction with the organisation's count of
 * administrators (the last one cannot be demoted: 409 LAST_ADMIN), conditioned on the role read first (a change
 * in between: 409). Someone who is not a member of the organisation: 404.
 */
export const changeMemberRole = async (providerId: string, userId: string, role: MemberRole, now: Date): Promise<MembershipItem> => {
  const member = await getMembership(userId, providerId);
  if (!member) throw new NotFoundError('member');
  if (member.role === role) return member;
  const at = now.toISOString();
  const expr = new Expr();
  const update = membershipItem.update(expr, { role, updatedAt: at }, { userId, providerId });
  try {
    await transactWrite({
      member: {
        Update: {
          TableName: tableName,
          Key: membershipItem.key({ userId, providerId }),
          UpdateExpression: updateExpression(update.sets, update.removes),
          ConditionExpression: expr.eq('role', member.role),
          ...expr.attrs(),
        },
      },
      organisation: organisationAdmins(providerId, adminsDelta(member.role, role), at),
    });
  } catch (err) {
    explainTeamChange(err);
  }
  return { ...member, role, updatedAt: at };
};

/**
 * DELETE /provider/members/{userId}: the membership deleted, in one transaction with the organisation's count of
 * administrators (the last one cannot be removed: 409 LAST_ADMIN). The removed person's next request reads no
 * membership (the per-request read is strongly consistent) and is refused.
 */
export const removeMember = async (providerId: string, userId: string, now: Date): Promise<void> => {
  const member = await getMembership(userId, providerId);
  if (!member) throw new NotFoundError('member');
  try {
    await transactWrite({
      member: {
        Delete: {
          TableName: tableName,
          Key: membershipItem.key({ userId, providerId }),
          ConditionExpression: '#role = :role',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':role': member.role },
        },
      },
      organisation: organisationAdmins(providerId, adminsDelta(member.role, undefined), now.toISOString()),
    });
  } catch (err) {
    explainTeamChange(err);
  }
};

/** Whether an email is already a member's: the team list (one organisation's few members), page by page. */
const memberWithEmail = async (providerId: string, email: string): Promise<boolean> => {
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: indexes.GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': indexes.GSI1.pk },
        ExpressionAttributeValues: { ':pk': keys.organisationMembers(providerId) },
        ExclusiveStartKey: start,
      }),
    );
    if (unwrapRows(out.Items).some((m) => sameEmail(String(m.email ?? ''), email))) return true;
    start = out.LastEvaluatedKey;
  } while (start);
  return false;
};

/**
 * POST /provider/invitations: a new pending invitation, keyed by its token's hash; `send` then mails the token.
 * If the mail cannot be sent the invitation is deleted again and the send's error is thrown (503): nothing stays
 * written. An email already a member's: 409 ALREADY_MEMBER.
 */
export const createInvitation = async (
  org: { providerId: string; organisationName: string },
  input: { email: string; role: MemberRole },
  invitedBy: string,
  now: Date,
  send: (token: string, invitation: Invitation) => Promise<unknown>,
  /** The inviter's limit (each invitation is an email), counted in the invitation's own transaction. */
  rate?: RateRule,
): Promise<Invitation> => {
  const email = input.email.trim().toLowerCase();
  if (await memberWithEmail(org.providerId, email)) throw new ConflictError('ALREADY_MEMBER', msg('detail.alreadyMember'));
  const { token, hash } = newInvitationToken();
  const invitation: Invitation = {
    invitationId: hash,
    providerId: org.providerId,
    organisationName: org.organisationName,
    email,
    role: input.role,
    invitedBy,
    status: 'pending',
    createdAt: now.toISOString(),
    ...invitationTimes(now),
  };
  const key = invitationItem.key({ invitationId: hash });
  try {
    await transactWrite({
      invitation: { Put: { TableName: tableName, Item: invitationItem.item(invitation), ConditionExpression: 'attribute_not_exists(PK)' } },
      rate: rate && rateLimitUpdate(rate, invitedBy, now),
    });
  } catch (err) {
    if (rate && ConditionFailed.of(err, 'rate')) throw throttled(rate, now);
    throw err;
  }
  try {
    await send(token, invitation);
  } catch (err) {
    await ddb.send(new DeleteCommand({ TableName: tableName, Key: key }));
    throw err;
  }
  return invitation;
};

/** Access pattern: an organisation's pending invitations that have not expired (GSI1, `SK > <now>`), by expiry. */
export const listInvitations = async (providerId: string, q: { limit: number; cursor?: string }, now: Date): Promise<Page<Invitation>> => {
  const page = await queryPage({
    index: 'GSI1',
    pk: keys.organisationInvitations(providerId),
    range: { from: now.toISOString() },
    expr: new Expr(),
    limit: q.limit,
    cursor: q.cursor,
  });
  return { items: page.items.map(parseInvitation), nextCursor: page.nextCursor };
};

/**
 * DELETE /provider/invitations/{invitationId}: `pending → revoked` on the organisation's own invitation, one
 * conditional update; someone else's or none: 404; accepted or revoked already: 409.
 */
export const revokeInvitation = async (providerId: string, invitationId: string, now: Date): Promise<Invitation> => {
  const expr = new Expr();
  const update = invitationItem.update(expr, { status: 'revoked', revokedAt: now.toISOString() }, { invitationId, providerId });
  try {
    return parseInvitation(
      await updateItem(
        {
          TableName: tableName,
          Key: invitationItem.key({ invitationId }),
          UpdateExpression: updateExpression(update.sets, update.removes),
          ConditionExpression: `${expr.eq('type', invitationItem.type)} AND ${expr.eq('providerId', providerId)} AND ${expr.eq('status', 'pending')}`,
          ...expr.attrs(),
        },
        'invitation',
      ),
    );
  } catch (err) {
    if (!(err instanceof ConditionFailed)) throw err;
    const item = err.item;
    if (!item || !invitationItem.is(item) || item.providerId !== providerId) throw new NotFoundError('invitation');
    throw new ConflictError('INVALID_STATE', msg('detail.invitationNotPending'), { currentStatus: item.status });
  }
};

/** Why an invitation cannot be used, as the problem the accepting person reads. */
const refusalError = (why: 'used' | 'revoked' | 'expired') =>
  why === 'used'
    ? new GoneError('INVITATION_USED', msg('detail.invitationUsed'))
    : why === 'revoked'
      ? new GoneError('INVITATION_REVOKED', msg('detail.invitationRevoked'))
      : new GoneError('INVITATION_EXPIRED', msg('detail.invitationExpired'));

/**
 * POST /invitations/{token}/accept: the invitation read by its token's hash (404 unknown; 410 used, revoked or
 * expired; 403 for another email than the invited one), then ONE transaction: the invitation consumed
 * (conditioned on pending and unexpired, so of two accepts at once one wins), the membership made (409
 * ALREADY_MEMBER when there is one) and the organisation's count of administrators.
 */
export const acceptInvitation = async (
  token: string,
  person: { userId: string; email: string; displayName: string },
  now: Date,
): Promise<MembershipItem> => {
  const invitationId = hashToken(token);
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: invitationItem.key({ invitationId }), ConsistentRead: true }));
  if (!out.Item || !invitationItem.is(out.Item)) throw new NotFoundError('invitation', 'INVITATION_NOT_FOUND');
  const invitation = parseInvitation(out.Item);
  const why = invitationRefusal(invitation, now);
  if (why) throw refusalError(why);
  if (!sameEmail(invitation.email, person.email)) throw new DomainError(403, 'INVITATION_EMAIL_MISMATCH', 'title.forbidden', msg('detail.invitationEmail'));
  const at = now.toISOString();
  const member: MembershipItem = {
    userId: person.userId,
    providerId: invitation.providerId,
    role: invitation.role,
    organisationName: invitation.organisationName,
    displayName: person.displayName,
    email: person.email,
    joinedAt: at,
  };
  const expr = new Expr();
  const consumed = invitationItem.update(expr, { status: 'accepted', acceptedBy: person.userId, acceptedAt: at }, invitation, true);
  try {
    await transactWrite({
      invitation: {
        Update: {
          TableName: tableName,
          Key: invitationItem.key({ invitationId }),
          UpdateExpression: updateExpression(consumed.sets, consumed.removes),
          ConditionExpression: `${expr.eq('status', 'pending')} AND ${expr.name('expiresAt')} > ${expr.value(at)}`,
          ...expr.attrs(),
        },
      },
      member: { Put: { TableName: tableName, Item: membershipItem.item(member), ConditionExpression: 'attribute_not_exists(PK)' } },
      organisation: organisationAdmins(invitation.providerId, adminsDelta(undefined, invitation.role), at),
    });
  } catch (err) {
    if (ConditionFailed.of(err, 'invitation')) {
      const seen = err.item && invitationItem.is(err.item) ? parseInvitation(err.item) : undefined;
      if (!seen) throw new NotFoundError('invitation', 'INVITATION_NOT_FOUND');
      throw refusalError(invitationRefusal(seen, now) ?? 'used');
    }
    if (ConditionFailed.of(err, 'member')) throw new ConflictError('ALREADY_MEMBER', msg('detail.alreadyMember'));
    if (ConditionFailed.of(err, 'organisation')) throw new NotFoundError('organisation');
    throw err;
  }
  return member;
};
