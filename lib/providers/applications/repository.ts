import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../../db/client';
import { keys } from '../../db/keys';
import { queryPage, type Page } from '../../db/query';
import { ConditionFailed, Expr, transactWrite, type TransactItem } from '../../db/write';
import type { User } from '../../http/auth';
import { ConflictError, ConflictOfInterestError, NotFoundError, ValidationError } from '../../http/errors';
import type { Reply } from '../../http/route';
import { msg } from '../../i18n';
import { keepFirstReference } from '../../attachments/verify';
import { idempotencyItem } from '../../shared/items';
import { idempotencyPut, keptOf, replay, type IdempotencyRequest } from '../../shared/idempotency';
import { newId } from '../../shared/ids';
import { rateLimitUpdate, throttled, type RateRule } from '../../shared/rate-limit';
import { creditCodeItem, membershipItem, organisationItem } from '../items';
import { applicationEntryItem, applicationItem, licenceItem } from './items';
import { nextStatus, type ApplicationAction } from './model';
import {
  applicationItemSchema,
  licenceItemSchema,
  type ApplicationInput,
  type ApplicationItem,
  type ApplicationPatch,
  type ApplicationStatus,
  type LicenceItem,
  type LicenceRef,
} from './schemas';

const LICENCE_GRANT_TTL_SECONDS = 24 * 60 * 60;

const parseApplication = (item: Record<string, unknown>) => applicationItemSchema.parse(item);

const batchGet = async (wanted: Record<string, { PK: string; SK: string } | undefined>) => {
  const named = Object.entries(wanted).filter((e): e is [string, { PK: string; SK: string }] => e[1] !== undefined);
  const out = await ddb.send(
    new BatchGetCommand({ RequestItems: { [tableName]: { Keys: named.map(([, k]) => k), ConsistentRead: true } } }),
  );
  const items = out.Responses?.[tableName] ?? [];
  return Object.fromEntries(named.map(([name, k]) => [name, items.find((i) => i.PK === k.PK && i.SK === k.SK)])) as Record<
    string,
    Record<string, unknown> | undefined
  >;
};

const creditCodeTaken = () => new ConflictError('CREDIT_CODE_TAKEN', msg('detail.creditCodeTaken'));
const notFound = () => new NotFoundError('application');

/** Grants a licence upload: the record (TTL a day until referenced) and the caller's upload rate, one transaction. */
export const grantLicence = async (
  user: User,
  input: { fileName: string; contentType: LicenceItem['contentType']; size: number },
  now: Date,
  rate?: RateRule,
): Promise<LicenceItem> => {
  const licenceId = newId(now.getTime());
  const record: LicenceItem = {
    licenceId,
    ownerId: user.id,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    objectKey: keys.licenceObject(user.id, licenceId),
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + LICENCE_GRANT_TTL_SECONDS,
  };
  try {
    await transactWrite({
      licence: { Put: { TableName: tableName, Item: licenceItem.item(record), ConditionExpression: 'attribute_not_exists(PK)' } },
      rate: rate && rateLimitUpdate(rate, user.id, now),
    });
  } catch (err) {
    if (rate && ConditionFailed.of(err, 'rate')) throw throttled(rate, now);
    throw err;
  }
  return record;
};

/**
 * A licence an application references: the caller's own upload (anything else is refused as unknown, 400
 * naming `licence`), checked and kept at its first reference; with the write recording that check (and
 * ending the grant's TTL), for the command's own transaction.
 */
const referenceLicence = async (user: User, raw: Record<string, unknown> | undefined, now: Date): Promise<{ ref: LicenceRef; write?: TransactItem }> => {
  const record = raw ? licenceItemSchema.safeParse(raw) : undefined;
  if (!record?.success || record.data.ownerId !== user.id) {
    throw new ValidationError([{ path: 'licence', message: msg('field.unknownLicence') }]);
  }
  const l = record.data;
  const refOf = (verifiedKey: string, verifiedETag: string): LicenceRef => ({
    licenceId: l.licenceId,
    fileName: l.fileName,
    contentType: l.contentType,
    size: l.storedSize ?? l.size,
    objectKey: l.objectKey,
    verifiedKey,
    verifiedETag,
  });
  if (l.verifiedKey && l.verifiedETag) return { ref: refOf(l.verifiedKey, l.verifiedETag) };
  const kept = await keepFirstReference(l, (etag) => keys.verifiedLicenceObject(l.licenceId, etag), 'licence');
  const expr = new Expr();
  return {
    ref: { ...refOf(kept.verifiedKey, kept.verifiedETag), size: kept.storedSize },
    write: {
      Update: {
        TableName: tableName,
        Key: licenceItem.key(l),
        UpdateExpression: `SET ${expr.name('verifiedAt')} = ${expr.value(now.toISOString())}, ${expr.name('storedSize')} = ${expr.value(kept.storedSize)}, ${expr.name('verifiedKey')} = ${expr.value(kept.verifiedKey)}, ${expr.name('verifiedETag')} = ${expr.value(kept.verifiedETag)} REMOVE ${expr.name('expiresAt')}`,
        ConditionExpression: expr.eq('ownerId', user.id),
        ...expr.attrs(),
      },
    },
  };
};

/** The name and email the applicant's membership will carry: their profile's, else the application's contact. */
const applicantOf = (profile: Record<string, unknown> | undefined, input: { contactName: string; contactEmail: string }) => ({
  displayName: typeof profile?.displayName === 'string' && profile.displayName ? profile.displayName : input.contactName,
  email: typeof profile?.email === 'string' && profile.email ? profile.email : input.contactEmail,
});

/**
 * 入驻: one BatchGetItem (the credit code's guard, the licence record, the applicant's profile, the key's
 * replay record), the licence's first-reference check, then one transaction: the application, the licence
 * marked referenced, the replay record. A credit code that already has an organisation answers 409.
 */
export const submitApplication = async (
  user: User,
  input: ApplicationInput,
  now: Date,
  idempotency: IdempotencyRequest | undefined,
  answer: (a: ApplicationItem) => Reply,
): Promise<Reply> => {
  const read = await batchGet({
    guard: creditCodeItem.key({ creditCode: input.creditCode }),
    licence: licenceItem.key({ licenceId: input.licence }),
    profile: keys.profile(user.id),
    record: idempotency && idempotencyItem.key(idempotency),
  });
  if (idempotency) {
    const replayed = replay(read.record, idempotency, now);
    if (replayed && !replayed.rebuild) return replayed.reply;
  }
  if (read.guard) throw creditCodeTaken();
  const licence = await referenceLicence(user, read.licence, now);
  const at = now.toISOString();
  const application: ApplicationItem = {
    applicationId: newId(now.getTime()),
    applicantId: user.id,
    applicant: applicantOf(read.profile, input),
    companyName: input.companyName,
    creditCode: input.creditCode,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
    serviceTypes: input.serviceTypes,
    licence: licence.ref,
    status: 'pending',
    version: 1,
    submittedAt: at,
    createdAt: at,
    updatedAt: at,
    decisions: [],
  };
  const reply = answer(application);
  try {
    await transactWrite({
      application: { Put: { TableName: tableName, Item: applicationItem.item(application), ConditionExpression: 'attribute_not_exists(PK)' } },
      licence: licence.write,
      idempotency: idempotency && idempotencyPut(idempotency, keptOf(reply)!, now),
    });
    return reply;
  } catch (err) {
    if (idempotency && ConditionFailed.of(err, 'idempotency')) {
      // a twin sent at the same moment won: answer as it did
      const replayed = replay(err.item, idempotency, now);
      if (replayed && !replayed.rebuild) return replayed.reply;
    }
    if (ConditionFailed.of(err, 'licence')) throw new ValidationError([{ path: 'licence', message: msg('field.unknownLicence') }]);
    throw err;
  }
};

/** One application by id (GetItem); undefined when absent. */
export const getApplication = async (applicationId: string, consistent = false): Promise<ApplicationItem | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: applicationItem.key({ applicationId }), ConsistentRead: consistent }));
  return out.Item ? parseApplication(out.Item) : undefined;
};

/** An application its applicant or an operator may read; 404 for anyone else, as for an absent one. */
export const getApplicationFor = async (user: User, applicationId: string): Promise<ApplicationItem> => {
  const a = await getApplication(applicationId, true);
  if (!a || (a.applicantId !== user.id && !user.roles.includes('operator'))) throw notFound();
  return a;
};

/** Access pattern: a person's own applications, newest first (GSI1 `USER#<id>#APPLICATIONS`). */
export const listMyApplications = async (userId: string, q: { limit: number; cursor?: string }): Promise<Page<ApplicationItem>> => {
  const page = await queryPage({ index: 'GSI1', pk: keys.applicantApplications(userId), expr: new Expr(), limit: q.limit, cursor: q.cursor, newestFirst: true });
  return { items: page.items.map(parseApplication), nextCursor: page.nextCursor };
};

/** Access pattern: the 入驻审核 queue, the applications in one status, oldest submission first (GSI2 `APPLICATIONS#<status>`). */
export const listApplicationQueue = async (q: { status: ApplicationStatus; limit: number; cursor?: string }): Promise<Page<ApplicationItem>> => {
  const page = await queryPage({ index: 'GSI2', pk: keys.applicationsIn(q.status), expr: new Expr(), limit: q.limit, cursor: q.cursor });
  return { items: page.items.map(parseApplication), nextCursor: page.nextCursor };
};

/** The refusal of an action from the application as it is: 409 naming its status, or its version. */
const refusal = (a: ApplicationItem, action: ApplicationAction, version?: number) => {
  if (nextStatus(a.status, action) === undefined) {
    return new ConflictError('INVALID_STATE', msg('detail.applicationState', { action, status: a.status }), { currentStatus: a.status });
  }
  if (version !== undefined && version !== a.version) {
    return new ConflictError('VERSION_CONFLICT', msg('detail.applicationChanged', { version, current: a.version }), { currentVersion: a.version });
  }
  return undefined;
};

/** The Put of the application as changed, conditioned on it being still as read (its version). */
const putChanged = (next: ApplicationItem, read: ApplicationItem): TransactItem => {
  const expr = new Expr();
  return {
    Put: {
      TableName: tableName,
      Item: applicationItem.item(next),
      ConditionExpression: `${expr.eq('version', read.version)} AND ${expr.eq('status', read.status)}`,
      ...expr.attrs(),
    },
  };
};

/** A write refused because the application changed after it was read: explained from the item it saw. */
const explainChanged = (err: unknown, action: ApplicationAction, mine?: string): never => {
  if (ConditionFailed.of(err, 'application')) {
    const seen = err.item && applicationItem.is(err.item) ? parseApplication(err.item) : undefined;
    if (!seen || (mine !== undefined && seen.applicantId !== mine)) throw notFound();
    throw refusal(seen, action) ?? new ConflictError('VERSION_CONFLICT', msg('detail.applicationChanged', { version: seen.version - 1, current: seen.version }), { currentVersion: seen.version });
  }
  throw err;
};

/**
 * 修改 and resubmit: one BatchGetItem (the application, and the guard of a new credit code and the licence
 * record when they change), the new licence's first-reference check, then the application put back pending
 * (conditioned on the version read) with the licence's check. Allowed while pending or rejected.
 */
export const editApplication = async (user: User, applicationId: string, patch: ApplicationPatch, now: Date): Promise<ApplicationItem> => {
  const read = await batchGet({
    application: applicationItem.key({ applicationId }),
    guard: patch.creditCode === undefined ? undefined : creditCodeItem.key({ creditCode: patch.creditCode }),
    licence: patch.licence === undefined ? undefined : licenceItem.key({ licenceId: patch.licence }),
  });
  const a = read.application && parseApplication(read.application);
  if (!a || a.applicantId !== user.id) throw notFound();
  const refused = refusal(a, 'edit');
  if (refused) throw refused;
  if (read.guard) throw creditCodeTaken();
  const licence = patch.licence === undefined || patch.licence === a.licence.licenceId ? undefined : await referenceLicence(user, read.licence, now);
  const { licence: _licence, ...fields } = patch;
  const at = now.toISOString();
  const next: ApplicationItem = {
    ...a,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    ...(licence ? { licence: licence.ref } : {}),
    status: 'pending',
    version: a.version + 1,
    submittedAt: at,
    updatedAt: at,
  };
  try {
    await transactWrite({ application: putChanged(next, a), licence: licence?.write });
  } catch (err) {
    if (ConditionFailed.of(err, 'licence')) throw new ValidationError([{ path: 'licence', message: msg('field.unknownLicence') }]);
    explainChanged(err, 'edit', user.id);
  }
  return next;
};

/** 撤回 a pending application (its applicant): read, then the change conditioned on the version read. */
export const withdrawApplication = async (user: User, applicationId: string, now: Date): Promise<ApplicationItem> => {
  const a = await getApplication(applicationId, true);
  if (!a || a.applicantId !== user.id) throw notFound();
  const refused = refusal(a, 'withdraw');
  if (refused) throw refused;
  const next: ApplicationItem = { ...a, status: 'withdrawn', version: a.version + 1, updatedAt: now.toISOString() };
  try {
    await transactWrite({ application: putChanged(next, a) });
  } catch (err) {
    explainChanged(err, 'withdraw', user.id);
  }
  return next;
};

export type Decision = { action: 'approve'; version: number } | { action: 'reject'; version: number; reason: string };

/**
 * An operator's decision, after one consistent read of the application: ONE transaction of the application's
 * decision (conditioned on pending and the version read) and its timeline entry (the event's source), and,
 * on approval, the organisation, the credit code's guard (`attribute_not_exists`: one organisation per code
 * however many approvals race) and the applicant's admin membership. 403 CONFLICT_OF_INTEREST on one's own
 * application; 409 CREDIT_CODE_TAKEN when the code found its organisation first.
 */
export const decideApplication = async (user: User, applicationId: string, decision: Decision, now: Date): Promise<ApplicationItem> => {
  const a = await getApplication(applicationId, true);
  if (!a) throw notFound();
  if (a.applicantId === user.id) throw new ConflictOfInterestError(msg('detail.operatorOwnApplication'));
  const refused = refusal(a, decision.action, decision.version);
  if (refused) throw refused;
  const at = now.toISOString();
  const providerId = decision.action === 'approve' ? newId(now.getTime()) : undefined;
  const next: ApplicationItem = {
    ...a,
    status: nextStatus(a.status, decision.action)!,
    version: a.version + 1,
    updatedAt: at,
    decisions: [
      ...a.decisions,
      {
        decision: decision.action === 'approve' ? 'approved' : 'rejected',
        ...(decision.action === 'reject' ? { reason: decision.reason } : {}),
        operatorId: user.id,
        at,
      },
    ],
    ...(providerId ? { providerId } : {}),
  };
  const entry = {
    entity: 'application' as const,
    entryId: newId(now.getTime()),
    applicationId,
    action: decision.action,
    actor: user.id,
    role: 'operator' as const,
    at,
    data: {
      applicantId: a.applicantId,
      companyName: a.companyName,
      ...(providerId ? { providerId } : {}),
      ...(decision.action === 'reject' ? { reason: decision.reason } : {}),
    },
  };
  const create = (item: Record<string, unknown>): TransactItem => ({ Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } });
  try {
    await transactWrite({
      application: putChanged(next, a),
      entry: create(applicationEntryItem.item(entry)),
      ...(providerId
        ? {
            organisation: create(
              organisationItem.item({
                providerId,
                name: a.companyName,
                creditCode: a.creditCode,
                status: 'active',
                contact: { name: a.contactName, phone: a.contactPhone, email: a.contactEmail },
                serviceTypes: a.serviceTypes,
                admins: 1,
                applicationId,
                createdAt: at,
                updatedAt: at,
              }),
            ),
            creditCode: create(creditCodeItem.item({ creditCode: a.creditCode, providerId, applicationId })),
            membership: create(
              membershipItem.item({
                userId: a.applicantId,
                providerId,
                role: 'admin',
                organisationName: a.companyName,
                displayName: a.applicant.displayName,
                email: a.applicant.email,
                joinedAt: at,
              }),
            ),
          }
        : {}),
    });
  } catch (err) {
    if (ConditionFailed.of(err, 'creditCode')) throw creditCodeTaken();
    explainChanged(err, decision.action);
  }
  return next;
};
