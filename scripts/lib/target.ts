import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { noStackFile, readStackFile } from './local-config';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoClient, StackError } from './stack';

/**
 * Which user pool a script works on: the local stack's (.local/stack.json), or with `--stage <stage>` (and
 * optionally `--region <region>`) the deployed stack's, read from its CloudFormation outputs with `osls info`
 * and reached with the usual AWS credential chain.
 */
export interface PoolTarget {
  endpoint: string;
  userPoolId: string;
  clientId: string;
}

/** Splits `--stage X` and `--region Y` from the positional arguments. */
export const parseTargetArgs = (argv: string[]) => {
  const positional: string[] = [];
  const options: { stage?: string; region?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--stage' || argv[i] === '--region') options[argv[i].slice(2) as 'stage' | 'region'] = argv[++i];
    else positional.push(argv[i]);
  }
  return { positional, ...options };
};

export const poolTarget = (options: { stage?: string; region?: string }): PoolTarget => {
  if (!options.stage || options.stage === 'local') {
    const stack = readStackFile();
    if (!stack) throw new StackError(noStackFile());
    return { endpoint: stack.cognito.endpoint, userPoolId: stack.cognito.userPoolId, clientId: stack.cognito.clientId };
  }
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const info = spawnSync(join(__dirname, '..', '..', 'node_modules', '.bin', 'osls'), ['info', '--stage', options.stage, '--region', region, '--verbose'], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  const output = `${info.stdout}\n${info.stderr}`;
  const value = (key: string) => new RegExp(`^\\s*${key}: (\\S+)`, 'm').exec(output)?.[1];
  const userPoolId = value('UserPoolId');
  const clientId = value('UserPoolClientId');
  if (info.status !== 0 || !userPoolId || !clientId) {
    const reason = output.split('\n').map((l) => l.trim()).find((l) => /error|credentials|not exist/i.test(l)) ?? 'no UserPoolId in its outputs';
    throw new StackError(`Could not read the ${options.stage} stack in ${region} (osls info): ${reason}`);
  }
  return { endpoint: `https://cognito-idp.${region}.amazonaws.com`, userPoolId, clientId };
};

/**
 * Which table a migration works on: the local stack's, or with `--stage` the deployed stack's (its name from
 * `osls info`), reached with the usual AWS credential chain; as a document client that drops undefined values.
 */
export const tableTarget = (options: { stage?: string; region?: string }): { db: DynamoDBDocumentClient; table: string } => {
  const document = (client: DynamoDBClient) => DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  if (!options.stage || options.stage === 'local') {
    const stack = readStackFile();
    if (!stack) throw new StackError(noStackFile());
    return { db: document(dynamoClient(stack.dynamodb.endpoint)), table: stack.dynamodb.tableName };
  }
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const info = spawnSync(join(__dirname, '..', '..', 'node_modules', '.bin', 'osls'), ['info', '--stage', options.stage, '--region', region, '--verbose'], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  const table = /^\s*TableName: (\S+)/m.exec(`${info.stdout}\n${info.stderr}`)?.[1];
  if (info.status !== 0 || !table) throw new StackError(`Could not read the ${options.stage} stack's table in ${region} (osls info).`);
  return { db: document(new DynamoDBClient({ region })), table };
};

/**
 * A migration script's run (`npm run migrate:<name> [-- --stage <stage> [--region <region>]]`): the table of the
 * target, the migration, its one-line report; a failure is told in one line and exits 1.
 */
export const runMigration = (failure: string, migrate: (target: { db: DynamoDBDocumentClient; table: string; args: ReturnType<typeof parseTargetArgs> }) => Promise<string>) => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = parseTargetArgs(process.argv.slice(2));
  (async () => console.log(await migrate({ ...tableTarget(args), args })))().catch((err) => {
    console.error(`${failure}: ${(err as Error).message}`);
    process.exit(1);
  });
};
