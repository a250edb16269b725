import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { membershipItem } from '../providers/items';
import { profileItem } from './items';
import type { Profile } from './schemas';
import type { MemberRole } from '../providers/roles';

/** What a request needs to know of one of the person's memberships. */
export interface Membership {
  providerId: string;
  role: MemberRole;
  organisationName: string;
}

export interface Person {
  /** Every organisation the person belongs to, with their role in it. */
  memberships: Membership[];
  /** The person's profile, when they have one (`GET /me` makes it on first read). */
  profile?: Profile;
}

/**
 * The person's memberships and profile: ONE strongly consistent Query of their partition from `MEMBER#` on
 * (`MEMBER#<providerId>` items, then `PROFILE`; the inbox counter `INBOX` sorts before and is not read).
 * Strongly consistent, so that a membership removed a moment ago no longer counts.
 */
export const loadPerson = async (sub: string): Promise<Person> => {
  const person: Person = { memberships: [] };
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK >= :from',
        ExpressionAttributeValues: { ':pk': keys.person(sub), ':from': keys.membershipPrefix },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      if (membershipItem.is(item)) {
        const m = membershipItem.parse(item);
        person.memberships.push({ providerId: m.providerId, role: m.role, organisationName: m.organisationName });
      } else if (profileItem.is(item)) {
        person.profile = profileItem.parse(item);
      }
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return person;
};
