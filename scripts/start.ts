import { join } from 'node:path';
import { STACK_PORTS, composeStack, type ComposedStack } from './lib/compose';
import {
  ATTACHMENTS_BUCKET,
  DEMO_ACCOUNTS,
  type DemoKey,
  DEMO_PASSWORD,
  LOCAL_DIR,
  STACK_FILE,
  TABLE_NAME,
  readStackFile,
  removeStackPointer,
  shown,
  writeStackFile,
} from './lib/local-config';
import { onShutdown, shuttingDown, stopChildren } from './lib/processes';
import { StackError } from './lib/stack';
import { startSaasEndpoint, type SaasEndpoint } from './lib/saas-endpoint';

// Locally on Node 20 the AWS SDK warns of its future Node 22 requirement; deployed functions run on Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm start`: DynamoDB Local, cognito-local, the S3 and SES emulators, serverless-offline and the console, with demo
 * data, on one machine, on the fixed ports (each movable by its variable). The bundles and the console's build
 * are reused when nothing they are made from changed. SIGINT, SIGTERM and SIGHUP stop every child it started
 * (each is tracked from the moment it is spawned) and the servers it runs in-process, and wait for them to exit;
 * a failure to start exits non-zero after the same.
 */
const startedAt = Date.now();
let stack: ComposedStack | undefined;
/** The demo organisation's SaaS endpoint (spec 8): a provider's system written from the protocol alone. */
let saas: SaasEndpoint | undefined;
const SAAS_PORT = Number(process.env[STACK_PORTS.saas.env] || STACK_PORTS.saas.fixed);
const stopAll = onShutdown(async () => {
  removeStackPointer();
  await saas?.close();
  await stack?.stop();
  await stopChildren();
});

const main = async () => {
  const previous = readStackFile(STACK_FILE);
  const seedDemo = async (s: ComposedStack) => {
    // the seed runs the repositories in this process: they read their configuration at import
    Object.assign(process.env, s.functionEnv);
    const { seedDemoData } = await import('./lib/seed');
    const ids = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.key, s.users[a.key].id]));
    const { DEMO_SAAS_TOKEN, registerDemoSaasEndpoint } = await import('./lib/demo-saas');
    saas = await startSaasEndpoint({ token: DEMO_SAAS_TOKEN, port: SAAS_PORT }).catch((err: Error) => {
      throw new StackError(`The demo SaaS endpoint could not listen on port ${SAAS_PORT} (SAAS_ENDPOINT_PORT): ${err.message}`);
    });
    console.log(await registerDemoSaasEndpoint(ids.provider, saas.url));
    // after the endpoint is saved and verified: the demo SaaS product is submitted against it
    console.log(await seedDemoData(ids as Record<DemoKey, string>, { saas: true }));
    // 服务商入驻: one pending application, so that the operator's 入驻审核 queue is not empty
    const { seedDemoApplication } = await import('./lib/seed-applications');
    console.log(await seedDemoApplication(ids.applicant));
  };
  console.log('Starting DynamoDB Local, cognito-local, the S3 emulator and the SES emulator…');
  stack = await composeStack({
    parts: ['dynamodb', 'cognito', 's3', 'mail', 'offline', 'console'],
    ports: 'fixed',
    dataDir: LOCAL_DIR,
    tableName: TABLE_NAME,
    poolName: 'marketplace-local',
    previousPool: previous?.cognito,
    bucket: ATTACHMENTS_BUCKET,
    users: Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.key, { email: a.email, password: DEMO_PASSWORD, roles: a.role }])),
    seed: seedDemo,
    logLevel: 'WARN',
    offline: { workFolder: process.env.ESBUILD_WORK_FOLDER || '.esbuild/local' },
    log: (line) => console.log(line),
  });
  stack.offline?.on('exit', (code) => {
    if (shuttingDown()) return;
    console.error(`serverless-offline exited (${code ?? 'signal'}); stopping the stack.`);
    void stopAll(code || 1);
  });
  writeStackFile({
    apiUrl: stack.apiUrl,
    cognito: { endpoint: stack.cognito.endpoint, region: stack.cognito.region, userPoolId: stack.cognito.userPoolId, clientId: stack.cognito.clientId },
    dynamodb: stack.dynamodb,
    s3: stack.s3,
    mail: stack.mail,
    consoleUrl: stack.consoleUrl,
    websocketUrl: stack.websocketUrl,
    secretsKeyFile: stack.secretsKeyFile,
  });

  const { dynamodb, cognito, s3, mail } = stack;
  console.log(`
Marketplace back office is running.
  Started in   ${((Date.now() - startedAt) / 1000).toFixed(0)} s (function bundles ${stack.reused.bundles ? 'reused' : 'built'}, console ${stack.reused.console ? 'reused' : 'built'})
  Console      ${stack.consoleUrl}
  API          ${stack.apiUrl}
  Live         ${stack.websocketUrl} (the console's WebSocket API)
  DynamoDB     ${dynamodb.endpoint} (table ${dynamodb.tableName}, data under ${shown(join(LOCAL_DIR, 'dynamodb'))})
  Cognito      ${cognito.endpoint} (pool ${cognito.userPoolId}, client ${cognito.clientId})
  S3           ${s3.endpoint} (bucket ${s3.bucket}, objects under ${shown(join(LOCAL_DIR, 's3'))})
  Mail         ${mail.viewerUrl} (every email sent, kept until the stack stops; SES endpoint ${mail.endpoint})
  SaaS         ${saas?.url ?? '—'} (the demo organisation's SaaS endpoint, token in scripts/lib/demo-saas.ts)
  Stack file   ${shown(STACK_FILE)}
Demo accounts (password ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `  ${a.key.padEnd(9)} ${a.email}`).join('\n')}
Get a token:  npm run token -- provider@example.com '${DEMO_PASSWORD}'
Press Ctrl-C to stop everything.`);
};

main().catch((err) => {
  console.error(err instanceof StackError ? err.message : `Could not start the stack: ${(err as Error).message}`);
  void stopAll(1);
});
