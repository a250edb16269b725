import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { migrateOrganisations } from './lib/organisations';
import { cognitoClient } from './lib/stack';
import { poolTarget, runMigration } from './lib/target';

/**
 * `npm run migrate:organisations [-- --stage <stage> [--region <region>]]`: gives every provider id found on
 * products, orders and webhooks an organisation with that same id (named from the provider's email in the user
 * pool, else 服务商 <short id>) and its user as administrator, in the local stack or a deployed stage (with
 * credentials that may scan its table and list its pool's users). Safe to run again: it creates nothing twice.
 */
runMigration('Could not migrate the providers to organisations', async ({ db, table, args }) => {
  const pool = poolTarget(args);
  const cognito = cognitoClient(pool.endpoint);
  const emailOf = async (sub: string) => {
    const out = await cognito.send(new ListUsersCommand({ UserPoolId: pool.userPoolId, Filter: `sub = "${sub}"`, Limit: 1 }));
    return out.Users?.[0]?.Attributes?.find((a) => a.Name === 'email')?.Value;
  };
  const { found, created } = await migrateOrganisations(db, table, emailOf);
  return `${found} provider id${found === 1 ? '' : 's'} in use; created ${created.length} organisation${created.length === 1 ? '' : 's'}${created.length ? `: ${created.join(', ')}` : ''}.`;
});
