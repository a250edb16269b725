import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { loadPerson } from '../../lib/people/person';
import { newId } from '../../lib/shared/ids';
import { migrateOrganisations, migratedName } from '../../scripts/lib/organisations';
import { readItem } from '../support/db';

/** A bare item carrying a providerId, as one-login providers left them (only what the migration reads). */
const legacy = (type: 'product' | 'order' | 'webhook', providerId: string) =>
  ddb.send(new PutCommand({ TableName: tableName, Item: { PK: `LEGACY#${newId()}`, SK: type.toUpperCase(), type, providerId } }));

describe('npm run migrate:organisations', () => {
  it('gives every provider id in use an organisation of the same id with its user as administrator, once', async () => {
    const [withEmail, withoutEmail, hookOnly] = [newId(), newId(), newId()];
    await legacy('product', withEmail);
    await legacy('order', withEmail);
    await legacy('order', withoutEmail);
    await legacy('webhook', hookOnly);
    const emails: Record<string, string> = { [withEmail]: 'ops@example.cn' };
    const first = await migrateOrganisations(ddb, tableName, async (id) => emails[id]);
    expect(first.created).toEqual(expect.arrayContaining([withEmail, withoutEmail, hookOnly]));

    const org = await readItem(keys.organisation(withEmail));
    expect(org).toMatchObject({ type: 'organisation', providerId: withEmail, name: 'ops@example.cn', status: 'active', admins: 1 });
    expect(org).not.toHaveProperty('creditCode');
    expect(await readItem(keys.organisation(withoutEmail))).toMatchObject({ name: migratedName(withoutEmail), status: 'active' });
    expect(migratedName(withoutEmail)).toBe(`服务商 ${withoutEmail.slice(0, 8)}`);
    // the provider's user is the administrator: products and orders keyed by their id stay theirs
    expect((await loadPerson(withEmail)).memberships).toEqual([{ providerId: withEmail, role: 'admin', organisationName: 'ops@example.cn' }]);
    expect((await loadPerson(hookOnly)).memberships).toEqual([{ providerId: hookOnly, role: 'admin', organisationName: migratedName(hookOnly) }]);

    // a second run changes nothing
    const before = await Promise.all([withEmail, withoutEmail, hookOnly].map((id) => readItem(keys.organisation(id))));
    const second = await migrateOrganisations(ddb, tableName, async () => 'renamed@example.cn');
    for (const id of [withEmail, withoutEmail, hookOnly]) expect(second.created).not.toContain(id);
    expect(await Promise.all([withEmail, withoutEmail, hookOnly].map((id) => readItem(keys.organisation(id))))).toEqual(before);
    expect((await loadPerson(withEmail)).memberships).toHaveLength(1);
  });
});
