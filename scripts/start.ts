import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startOffline } from './lib/offline';
import { ATTACHMENTS_BUCKET, DEMO_ACCOUNTS, DEMO_PASSWORD, LOCAL_DIR, TABLE_NAME, functionEnv, ports, readStackFile, writeStackFile } from './lib/local-config';
import { StackError, ensureTable, ensureUser, ensureUserPool, requireFreePort, requireJava, startCognito, startDynamo, startS3 } from './lib/stack';

// Locally on Node 20 the AWS SDK warns of its future Node 22 requirement; deployed functions run on Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `npm start`: DynamoDB Local, cognito-local and serverless-offline, with demo data, on one machine. */
const children: ChildProcess[] = [];
let s3: { close: () => Promise<void> } | undefined;

const stopAll = (code: number) => {
  for (const child of children.reverse()) if (child.exitCode === null) child.kill('SIGTERM');
  void s3?.close().catch(() => undefined);
  setTimeout(() => process.exit(code), 500).unref();
};

const main = async () => {
  requireJava();
  await requireFreePort(ports.dynamodb, 'DynamoDB Local, DYNAMODB_PORT');
  await requireFreePort(ports.cognito, 'cognito-local, COGNITO_PORT');
  await requireFreePort(ports.api, 'the HTTP API, API_PORT');
  await requireFreePort(ports.lambda, 'serverless-offline Lambda, LAMBDA_PORT');
  await requireFreePort(ports.s3, 'the S3 emulator, S3_PORT');

  console.log('Starting DynamoDB Local and cognito-local…');
  children.push(await startDynamo(ports.dynamodb, join(LOCAL_DIR, 'dynamodb')));
  children.push(await startCognito(ports.cognito, LOCAL_DIR));
  // attachments: s3rver in this process, objects kept under .local/s3, the bucket with CORS for the console
  s3 = await startS3(ports.s3, join(LOCAL_DIR, 's3'), ATTACHMENTS_BUCKET);

  const dynamodbEndpoint = `http://127.0.0.1:${ports.dynamodb}`;
  const cognitoEndpoint = `http://127.0.0.1:${ports.cognito}`;
  const createdTable = await ensureTable(dynamodbEndpoint, TABLE_NAME);
  const previous = readStackFile();
  const pool = await ensureUserPool(cognitoEndpoint, 'marketplace-local', previous?.cognito);
  const stack = writeStackFile(pool);
  Object.assign(process.env, functionEnv(stack), { POWERTOOLS_LOG_LEVEL: 'WARN' });

  const ids: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    ids[account.role] = await ensureUser(cognitoEndpoint, pool.userPoolId, account.email, DEMO_PASSWORD, account.role);
  }
  const { seedDemoData } = await import('./lib/seed');
  const seeded = await seedDemoData(ids as Record<'provider' | 'buyer' | 'operator', string>);
  console.log(createdTable ? 'Created table Market.' : 'Table Market kept from the last run.', seeded);

  console.log('Starting serverless-offline (bundling the functions)…');
  const offline = await startOffline({ env: functionEnv(stack), apiPort: ports.api, lambdaPort: ports.lambda });
  children.push(offline);
  offline.on('exit', (code) => {
    console.error(`serverless-offline exited (${code ?? 'signal'}); stopping the stack.`);
    stopAll(code ?? 1);
  });

  console.log(`
Marketplace back office is running.
  API          ${stack.apiUrl}
  DynamoDB     ${stack.dynamodb.endpoint} (table ${stack.dynamodb.tableName})
  Cognito      ${stack.cognito.endpoint} (pool ${stack.cognito.userPoolId}, client ${stack.cognito.clientId})
  S3           ${stack.s3?.endpoint} (bucket ${stack.s3?.bucket})
  Stack file   .local/stack.json
Demo accounts (password ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(9)} ${a.email}`).join('\n')}
Get a token:  npm run token -- provider@example.com '${DEMO_PASSWORD}'
Press Ctrl-C to stop everything.`);
};

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
main().catch((err) => {
  console.error(err instanceof StackError ? err.message : `Could not start the stack: ${(err as Error).message}`);
  stopAll(1);
});
