import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ScanCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { membershipItem, organisationItem, type Organisation } from '../../lib/providers/items';
import type { MemberRole } from '../../lib/providers/roles';

/** The name a migrated organisation gets: its provider's email, else 服务商 and the first 8 characters of its id. */
export const migratedName = (providerId: string, email?: string) => email || `服务商 ${providerId.slice(0, 8)}`;

export interface OrganisationSeed {
  providerId: string;
  name: string;
  /** Its first member (an administrator unless said otherwise). */
  admin: { userId: string; email: string; displayName?: string };
  creditCode?: string;
  contact?: Organisation['contact'];
  serviceTypes?: string[];
}

/**
 * Creates an organisation with its first administrator, in one transaction conditioned on the organisation
 * being absent: false (nothing written) when it exists already, so running it twice changes nothing.
 */
export const ensureOrganisation = async (db: DynamoDBDocumentClient, table: string, o: OrganisationSeed, now = new Date()): Promise<boolean> => {
  const at = now.toISOString();
  const organisation = organisationItem.item({
    providerId: o.providerId,
    name: o.name,
    status: 'active',
    admins: 1,
    createdAt: at,
    updatedAt: at,
    ...(o.creditCode ? { creditCode: o.creditCode } : {}),
    ...(o.contact ? { contact: o.contact } : {}),
    ...(o.serviceTypes ? { serviceTypes: o.serviceTypes } : {}),
  });
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: organisation, ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName: table, Item: membershipFor(o.providerId, o.name, o.admin, 'admin', at), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) return false;
    throw err;
  }
};

const membershipFor = (providerId: string, organisationName: string, who: { userId: string; email: string; displayName?: string }, role: MemberRole, at: string) =>
  membershipItem.item({
    userId: who.userId,
    providerId,
    role,
    organisationName,
    displayName: who.displayName ?? (who.email.split('@')[0] || who.userId.slice(0, 8)),
    email: who.email,
    joinedAt: at,
  });

/**
 * Adds a member (not an administrator: the organisation's admin count is the first admin's) unless they are one
 * already; false when they were.
 */
export const ensureMember = async (
  db: DynamoDBDocumentClient,
  table: string,
  m: { providerId: string; organisationName: string; userId: string; email: string; displayName?: string; role: Exclude<MemberRole, 'admin'> },
  now = new Date(),
): Promise<boolean> => {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: { TableName: table, Key: organisationItem.key({ providerId: m.providerId }), ConditionExpression: 'attribute_exists(PK)' } },
          { Put: { TableName: table, Item: membershipFor(m.providerId, m.organisationName, m, m.role, now.toISOString()), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof TransactionCanceledException && err.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed') return false;
    throw err;
  }
};

/** Every `providerId` on products, orders and webhooks (a Scan: scripts only, never a request or job path). */
export const providerIdsInUse = async (db: DynamoDBDocumentClient, table: string): Promise<Set<string>> => {
  const ids = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '#type IN (:product, :order, :webhook) AND attribute_exists(providerId)',
        ProjectionExpression: 'providerId',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':product': 'product', ':order': 'order', ':webhook': 'webhook' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) if (typeof item.providerId === 'string') ids.add(item.providerId);
    start = out.LastEvaluatedKey;
  } while (start);
  return ids;
};

/**
 * The migration from one-login providers to organisations: every providerId in use without an organisation
 * gets one with the same providerId (no product, order or index key changes), named from the provider's email
 * (`emailOf`, e.g. the user pool) or 服务商 <short id>, active, without credit code, with the user whose id
 * it is as its administrator. Idempotent: an organisation that exists is left as it is.
 */
export const migrateOrganisations = async (
  db: DynamoDBDocumentClient,
  table: string,
  emailOf: (userId: string) => Promise<string | undefined> = async () => undefined,
  now = new Date(),
) => {
  const ids = [...(await providerIdsInUse(db, table))].sort();
  const created: string[] = [];
  for (const providerId of ids) {
    const email = await emailOf(providerId).catch(() => undefined);
    const made = await ensureOrganisation(db, table, { providerId, name: migratedName(providerId, email), admin: { userId: providerId, email: email ?? '' } }, now);
    if (made) created.push(providerId);
  }
  return { found: ids.length, created };
};
