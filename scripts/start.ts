import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { buildConsole, serveConsole } from './lib/console';
import { startOffline } from './lib/offline';
import { ATTACHMENTS_BUCKET, DEMO_ACCOUNTS, DEMO_PASSWORD, LOCAL_DIR, STACK_FILE, TABLE_NAME, functionEnv, ports, readStackFile, writeStackFile } from './lib/local-config';
import { onShutdown, shuttingDown, stopChildren } from './lib/processes';
import { StackError, ensureTable, ensureUser, ensureUserPool, requireFreePort, requireJava, startCognito, startDynamo, startS3 } from './lib/stack';

// Locally on Node 20 the AWS SDK warns of its future Node 22 requirement; deployed functions run on Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm start`: DynamoDB Local, cognito-local, the S3 emulator, serverless-offline and the console, with demo
 * data, on one machine. SIGINT, SIGTERM and SIGHUP stop every child it started (each is tracked from the
 * moment it is spawned) and the servers it runs in-process, and wait for them to exit; a failure to start
 * exits non-zero after the same.
 */
const closers: (() => Promise<unknown>)[] = [];
const consolePort = Number(process.env.CONSOLE_PORT ?? 5173);
const stopAll = onShutdown(async () => {
  await Promise.all(closers.map((close) => close().catch(() => undefined)));
  await stopChildren();
});

const main = async () => {
  requireJava();
  await requireFreePort(ports.dynamodb, 'DynamoDB Local, DYNAMODB_PORT');
  await requireFreePort(ports.cognito, 'cognito-local, COGNITO_PORT');
  await requireFreePort(ports.api, 'the HTTP API, API_PORT');
  await requireFreePort(ports.lambda, 'serverless-offline Lambda, LAMBDA_PORT');
  await requireFreePort(ports.s3, 'the S3 emulator, S3_PORT');
  await requireFreePort(consolePort, 'the console, CONSOLE_PORT');

  console.log('Starting DynamoDB Local, cognito-local and the S3 emulator…');
  await startDynamo(ports.dynamodb, join(LOCAL_DIR, 'dynamodb'));
  await startCognito(ports.cognito, LOCAL_DIR);
  // attachments: s3rver in this process, objects kept under .local/s3, the bucket with CORS for the console
  const s3 = await startS3(ports.s3, join(LOCAL_DIR, 's3'), ATTACHMENTS_BUCKET, {
    origins: [`http://127.0.0.1:${consolePort}`, `http://localhost:${consolePort}`],
  });
  closers.push(() => s3.close());

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
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const offline = await startOffline({
    env: { ...functionEnv(stack), CONSOLE_ORIGIN: consoleUrl, STREAM_CHECKPOINT_FILE: join(LOCAL_DIR, 'stream-checkpoint.json') },
    apiPort: ports.api,
    lambdaPort: ports.lambda,
  });
  offline.on('exit', (code) => {
    if (shuttingDown()) return;
    console.error(`serverless-offline exited (${code ?? 'signal'}); stopping the stack.`);
    void stopAll(code || 1);
  });

  console.log('Building the console (vite build)…');
  await buildConsole();
  const server = await serveConsole({
    port: consolePort,
    config: { apiUrl: stack.apiUrl, cognito: { ...stack.cognito } },
  });
  closers.push(() => server.close());
  writeFileSync(STACK_FILE, JSON.stringify({ ...readStackFile(), consoleUrl }, null, 2) + '\n');

  console.log(`
Marketplace back office is running.
  Console      ${consoleUrl}
  API          ${stack.apiUrl}
  DynamoDB     ${stack.dynamodb.endpoint} (table ${stack.dynamodb.tableName})
  Cognito      ${stack.cognito.endpoint} (pool ${stack.cognito.userPoolId}, client ${stack.cognito.clientId})
  S3           ${stack.s3?.endpoint} (bucket ${stack.s3?.bucket}, objects under .local/s3)
  Stack file   .local/stack.json
Demo accounts (password ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(9)} ${a.email}`).join('\n')}
Get a token:  npm run token -- provider@example.com '${DEMO_PASSWORD}'
Press Ctrl-C to stop everything.`);
};

main().catch((err) => {
  console.error(err instanceof StackError ? err.message : `Could not start the stack: ${(err as Error).message}`);
  void stopAll(1);
});
