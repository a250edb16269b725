import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startOffline } from '../../scripts/lib/offline';
import { ensureTable, ensureUser, ensureUserPool, freePort, signIn, startCognito, startDynamo, startS3 } from '../../scripts/lib/stack';

export const TEST_USERS = {
  provider: { email: 'provider@test.example', role: 'provider' },
  provider2: { email: 'provider2@test.example', role: 'provider' },
  buyer: { email: 'buyer@test.example', role: 'buyer' },
  buyer2: { email: 'buyer2@test.example', role: 'buyer' },
  operator: { email: 'operator@test.example', role: 'operator' },
  // users in two groups: the role of an action is the side of the object they are on
  providerBuyer: { email: 'provider-buyer@test.example', role: ['provider', 'buyer'] },
  operatorBuyer: { email: 'operator-buyer@test.example', role: ['operator', 'buyer'] },
  operatorProvider: { email: 'operator-provider@test.example', role: ['operator', 'provider'] },
  // only the rate-limit tests create with these, so their counters hold only those tests' actions
  limitedProvider: { email: 'limited-provider@test.example', role: 'provider' },
  limitedBuyer: { email: 'limited-buyer@test.example', role: 'buyer' },
} as const;
export type TestUser = keyof typeof TEST_USERS;
// Jobs and the end-to-end stack (whose stream function reads its table's whole stream) get tables of
// their own, so they never see another file's items.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export const ISOLATED_TABLES = ['MarketTimers', 'MarketNotify', 'MarketWebhooks', 'MarketE2E', 'MarketConversation', 'MarketOps', 'MarketDashboard', 'MarketOpsHooks'];
export const TEST_PASSWORD = 'Passw0rd!test';

export interface StackInfo {
  dynamodbEndpoint: string;
  cognitoEndpoint: string;
  tableName: string;
  userPoolId: string;
  clientId: string;
  issuer: string;
  /** serverless-offline serving the functions against this stack (table MarketE2E), for the end-to-end tests. */
  apiUrl: string;
  users: Record<TestUser, { id: string; token: string; email: string }>;
  /** The S3 emulator (s3rver) and the attachments bucket. */
  s3: { endpoint: string; bucket: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

/**
 * Starts a private DynamoDB Local (in memory), cognito-local and the S3 emulator for the test run, on free ports;
 * for the e2e project also serverless-offline.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'market-test-'));
  const [dynamoPort, cognitoPort] = [await freePort(), await freePort()];
  const dynamo = await startDynamo(dynamoPort);
  const cognito = await startCognito(cognitoPort, dir);
  const dynamodbEndpoint = `http://127.0.0.1:${dynamoPort}`;
  const cognitoEndpoint = `http://127.0.0.1:${cognitoPort}`;
  const tableName = 'MarketTest';
  await ensureTable(dynamodbEndpoint, tableName);
  for (const isolated of ISOLATED_TABLES) await ensureTable(dynamodbEndpoint, isolated);
  const pool = await ensureUserPool(cognitoEndpoint, 'market-test');
  const users = {} as StackInfo['users'];
  for (const [name, u] of Object.entries(TEST_USERS)) {
    let id = '';
    for (const role of [u.role].flat()) id = await ensureUser(cognitoEndpoint, pool.userPoolId, u.email, TEST_PASSWORD, role);
    const token = await signIn(cognitoEndpoint, pool.clientId, u.email, TEST_PASSWORD);
    users[name as TestUser] = { id, token, email: u.email };
  }
  const issuer = `${cognitoEndpoint}/${pool.userPoolId}`;
  const s3 = await startS3(await freePort(), join(dir, 's3'), 'market-test-attachments', { reset: true });
  // serverless-offline only for the e2e project (the integration project calls the handlers in-process)
  const skipE2e = project.name !== 'e2e';
  const [apiPort, lambdaPort] = [await freePort(), await freePort()];
  const offline = skipE2e ? undefined : await startOffline({
    env: {
      TABLE_NAME: 'MarketE2E',
      DYNAMODB_ENDPOINT: dynamodbEndpoint,
      AUTH_ISSUER: issuer,
      AUTH_CLIENT_ID: pool.clientId,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      STREAM_CHECKPOINT_FILE: join(dir, 'stream-checkpoint.json'),
      S3_ENDPOINT: s3.endpoint,
      ATTACHMENTS_BUCKET: s3.bucket,
    },
    apiPort,
    lambdaPort,
    workFolder: `.esbuild-test-${process.pid}`,
    quiet: process.env.E2E_VERBOSE !== '1',
  });
  project.provide('stack', {
    dynamodbEndpoint,
    cognitoEndpoint,
    tableName,
    ...pool,
    issuer,
    apiUrl: skipE2e ? '' : `http://127.0.0.1:${apiPort}`,
    users,
    s3: { endpoint: s3.endpoint, bucket: s3.bucket },
  });
  return async () => {
    if (offline) {
      await new Promise((resolve) => {
        offline.once('exit', resolve);
        offline.kill('SIGTERM');
        setTimeout(resolve, 5000).unref();
      });
    }
    rmSync(join(__dirname, '..', '..', `.esbuild-test-${process.pid}`), { recursive: true, force: true });
    await s3.close();
    dynamo.kill();
    cognito.kill();
    rmSync(dir, { recursive: true, force: true });
  };
}
