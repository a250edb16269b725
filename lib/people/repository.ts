import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { ConditionFailed, Expr, transactWrite, type NamedWrites } from '../db/write';
import { updateExpression } from '../db/item';
import { membershipItem } from '../providers/items';
import { ConflictError, UnauthenticatedError } from '../http/errors';
import { msg } from '../i18n';
import { DEFAULT_EMAIL_KINDS, defaultDisplayName } from './model';
import { displayNameSchema } from './schemas';
import { accountOf, type Account } from './directory';
import { profileItem } from './items';
import { loadPerson, type Person } from './person';
import type { Profile, PutMeBody } from './schemas';

/**
 * The profile a person starts with: the name they registered with (when it makes a valid display name) or their
 * email's local part, Chinese, the default email kinds.
 */
export const newProfile = (userId: string, account: Account, now: Date): Profile => ({
  userId,
  email: account.email,
  displayName: registeredName(account.name) ?? defaultDisplayName(account.email),
  locale: 'zh-CN',
  emailPreferences: [...DEFAULT_EMAIL_KINDS],
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
});

/**
 * The person's profile: the stored one, or one made now from the email the user pool holds (a conditional
 * put, so two first reads at once make one; the loser answers the winner's). A user the pool no longer has
 * is not signed in.
 */
export const ensureProfile = async (userId: string, stored: Profile | undefined, now: Date): Promise<Profile> => {
  if (stored) return stored;
  const account = await accountOf(userId);
  if (!account) throw new UnauthenticatedError();
  const profile = newProfile(userId, account, now);
  try {
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: profileItem.item(profile),
        ConditionExpression: 'attribute_not_exists(PK)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return profile;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException && err.Item) return profileItem.parse(unmarshall(err.Item as never));
    throw err;
  }
};

/** The person (memberships and profile, one Query) with a profile made on first read. */
export const personWithProfile = async (userId: string, now: Date): Promise<Person & { profile: Profile }> => {
  const person = await loadPerson(userId);
  return { ...person, profile: await ensureProfile(userId, person.profile, now) };
};

/** A name given at registration, as a display name: only when it is one `PUT /me` would accept. */
const registeredName = (name: string | undefined) => {
  const parsed = displayNameSchema.safeParse(name);
  return parsed.success ? parsed.data : undefined;
};

const ATTEMPTS = 3;

/** The profile alone (its display name unchanged): one conditional PutItem, not a transaction. */
const putProfile = async ({ Put }: { Put: PutCommandInput }) => {
  try {
    await ddb.send(new PutCommand(Put));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw new ConditionFailed('profile', undefined);
    throw err;
  }
};

/**
 * `PUT /me`: the profile replaced by the body, in one transaction with the copies of a changed display name
 * on the person's memberships. The profile is written only if unchanged since it was read (its `updatedAt`)
 * and each membership only if it still exists; a concurrent change reads again and tries again.
 */
export const updateProfile = async (userId: string, body: PutMeBody, now: Date): Promise<Person & { profile: Profile }> => {
  for (let attempt = 1; ; attempt++) {
    const person = await personWithProfile(userId, now);
    const before = person.profile;
    const { phone: _phone, ...rest } = before;
    const after: Profile = {
      ...rest,
      displayName: body.displayName,
      ...(body.phone ? { phone: body.phone } : {}),
      locale: body.locale,
      emailPreferences: [...new Set(body.emailPreferences)],
      updatedAt: now.toISOString() > before.updatedAt ? now.toISOString() : before.updatedAt,
    };
    const renamed = after.displayName !== before.displayName;
    const writes: NamedWrites = {
      profile: {
        Put: {
          TableName: tableName,
          Item: profileItem.item(after),
          ConditionExpression: 'updatedAt = :read',
          ExpressionAttributeValues: { ':read': before.updatedAt },
        },
      },
    };
    if (renamed) {
      for (const m of person.memberships) {
        const expr = new Expr();
        writes[`member:${m.providerId}`] = {
          Update: {
            TableName: tableName,
            Key: keys.membership(userId, m.providerId),
            UpdateExpression: updateExpression(membershipItem.set(expr, 'displayName', expr.value(after.displayName))),
            ConditionExpression: 'attribute_exists(PK)',
            ...expr.attrs(),
          },
        };
      }
    }
    try {
      if (Object.keys(writes).length === 1) await putProfile(writes.profile as { Put: PutCommandInput });
      else await transactWrite(writes);
      return { ...person, profile: after };
    } catch (err) {
      if (!(err instanceof ConditionFailed) || attempt >= ATTEMPTS) {
        if (err instanceof ConditionFailed) throw new ConflictError('CONCURRENT_UPDATE', msg('detail.concurrentUpdate'));
        throw err;
      }
    }
  }
};
