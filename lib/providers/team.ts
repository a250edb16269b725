import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { indexes, keys } from '../db/keys';
import { membershipItem } from './items';
import { unwrapRows } from '../db/row';
import type { MemberRole } from './roles';

/**
 * The people of an organisation (its members' user ids, oldest member first): GSI1
 * `PROVIDER#<providerId>#MEMBERS`. The recipients of what "the provider" of an order or product hears
 * (lib/notifications/fanout.ts `peopleOf`, the live console's audience); `roles`: only the members holding one
 * of them (a plan's codes running low reach those who may upload codes).
 */
export const memberIdsOf = async (providerId: string, roles?: readonly MemberRole[]): Promise<string[]> => {
  const ids: string[] = [];
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
    for (const item of unwrapRows(out.Items)) {
      if (membershipItem.is(item) && (!roles || roles.includes(item.role as MemberRole))) ids.push(String(item.userId));
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return ids;
};
