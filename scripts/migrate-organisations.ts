import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { noStackFile, readStackFile } from './lib/local-config';
import { migrateOrganisations } from './lib/organisations';
import { cognitoClient, dynamoClient } from './lib/stack';
import { parseTargetArgs, poolTarget } from './lib/target';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run migrate:organisations [-- --stage <stage> [--region <region>]]`: gives every provider id found on
 * products, orders and webhooks an organisation with that same id (named from the provider's email in the user
 * pool, else 服务商 <short id>) and its user as administrator, in the local stack or a deployed stage (with
 * credentials that may scan its table and list its pool's users). Safe to run again: it creates nothing twice.
 */
const args = parseTargetArgs(process.argv.slice(2));

const tableOf = () => {
  if (!args.stage || args.stage === 'local') {
    const stack = readStackFile();
    if (!stack) throw new Error(noStackFile());
    return { client: dynamoClient(stack.dynamodb.endpoint), table: stack.dynamodb.tableName };
  }
  const region = args.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const info = spawnSync(join(__dirname, '..', 'node_modules', '.bin', 'osls'), ['info', '--stage', args.stage, '--region', region, '--verbose'], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
  });
  const table = /^\s*TableName: (\S+)/m.exec(`${info.stdout}\n${info.stderr}`)?.[1];
  if (info.status !== 0 || !table) throw new Error(`Could not read the ${args.stage} stack's table in ${region} (osls info).`);
  return { client: new DynamoDBClient({ region }), table };
};

const main = async () => {
  const { client, table } = tableOf();
  const pool = poolTarget(args);
  const cognito = cognitoClient(pool.endpoint);
  const emailOf = async (sub: string) => {
    const out = await cognito.send(new ListUsersCommand({ UserPoolId: pool.userPoolId, Filter: `sub = "${sub}"`, Limit: 1 }));
    return out.Users?.[0]?.Attributes?.find((a) => a.Name === 'email')?.Value;
  };
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const { found, created } = await migrateOrganisations(db, table, emailOf);
  console.log(`${found} provider id${found === 1 ? '' : 's'} in use; created ${created.length} organisation${created.length === 1 ? '' : 's'}${created.length ? `: ${created.join(', ')}` : ''}.`);
};
main().catch((err) => {
  console.error(`Could not migrate the providers to organisations: ${(err as Error).message}`);
  process.exit(1);
});
