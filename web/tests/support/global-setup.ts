import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsole, serveConsole } from '../../../scripts/lib/console';
import { startOffline } from '../../../scripts/lib/offline';
import { ensureTable, ensureUser, ensureUserPool, freePort, REGION, startCognito, startDynamo, startS3 } from '../../../scripts/lib/stack';

export const CONSOLE_USERS = {
  provider: { email: 'provider@console.example', role: 'provider' },
  provider2: { email: 'provider2@console.example', role: 'provider' },
  buyer: { email: 'buyer@console.example', role: 'buyer' },
  operator: { email: 'operator@console.example', role: 'operator' },
} as const;
export const CONSOLE_PASSWORD = 'Passw0rd!console';

/** What the journeys read from the environment the global setup leaves behind. */
export interface ConsoleStack {
  consoleUrl: string;
  apiUrl: string;
  cognitoEndpoint: string;
  clientId: string;
}

const ROOT = join(__dirname, '..', '..', '..');

/**
 * A private stack for the browser journeys, on free ports, beside any running `npm start` or vitest run:
 * DynamoDB Local in memory, cognito-local, the S3 emulator, serverless-offline on a table and esbuild folder of its own,
 * and the built console served with its /config.json. CONSOLE_SKIP_BUILD=1 serves web/dist as built.
 */
export default async function globalSetup() {
  // A stack kept running by `npx tsx web/tests/support/keep-stack.ts` is reused as it is.
  if (process.env.CONSOLE_STACK) return async () => undefined;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dir = mkdtempSync(join(tmpdir(), 'market-console-'));
  const stops: (() => unknown)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  };

  const start = async () => {
    const [dynamoPort, cognitoPort, apiPort, lambdaPort, consolePort, s3Port] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
    const building = process.env.CONSOLE_SKIP_BUILD === '1' ? Promise.resolve() : buildConsole();
    building.catch(() => undefined);
    const dynamo = await startDynamo(dynamoPort);
    stops.push(() => dynamo.kill());
    const cognito = await startCognito(cognitoPort, dir);
    stops.push(() => cognito.kill());
    const dynamodbEndpoint = `http://127.0.0.1:${dynamoPort}`;
    const cognitoEndpoint = `http://127.0.0.1:${cognitoPort}`;
    const tableName = 'MarketConsole';
    await ensureTable(dynamodbEndpoint, tableName);
    const pool = await ensureUserPool(cognitoEndpoint, 'market-console');
    for (const u of Object.values(CONSOLE_USERS)) await ensureUser(cognitoEndpoint, pool.userPoolId, u.email, CONSOLE_PASSWORD, u.role);

    const consoleUrl = `http://127.0.0.1:${consolePort}`;
    // attachments: the S3 emulator with the bucket's CORS rule admitting this console's origin
    const s3 = await startS3(s3Port, join(dir, 's3'), 'market-console-attachments', { reset: true, origins: [consoleUrl] });
    stops.push(() => s3.close());
    const workFolder = `.esbuild-console-${process.pid}`;
    stops.push(() => rmSync(join(ROOT, workFolder), { recursive: true, force: true }));
    const offline = await startOffline({
      env: {
        TABLE_NAME: tableName,
        DYNAMODB_ENDPOINT: dynamodbEndpoint,
        AUTH_ISSUER: `${cognitoEndpoint}/${pool.userPoolId}`,
        AUTH_CLIENT_ID: pool.clientId,
        AUTH_ALLOW_HTTP_ISSUER: 'true',
        WEBHOOK_ALLOW_LOOPBACK: 'true',
        POWERTOOLS_LOG_LEVEL: 'ERROR',
        STREAM_CHECKPOINT_FILE: join(dir, 'stream-checkpoint.json'),
        CONSOLE_ORIGIN: consoleUrl,
        S3_ENDPOINT: s3.endpoint,
        ATTACHMENTS_BUCKET: s3.bucket,
      },
      apiPort,
      lambdaPort,
      workFolder,
      quiet: process.env.CONSOLE_VERBOSE !== '1',
      // bundling every function on a busy machine can take minutes
      startTimeoutMs: 600_000,
    });
    stops.push(
      () =>
        new Promise((resolve) => {
          offline.once('exit', resolve);
          offline.kill('SIGTERM');
          setTimeout(resolve, 5000).unref();
        }),
    );
    await building;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const server = await serveConsole({
      port: consolePort,
      config: { apiUrl, cognito: { region: REGION, userPoolId: pool.userPoolId, clientId: pool.clientId, endpoint: cognitoEndpoint } },
    });
    stops.push(() => server.close());
    const stack: ConsoleStack = { consoleUrl, apiUrl, cognitoEndpoint, clientId: pool.clientId };
    process.env.CONSOLE_STACK = JSON.stringify(stack);
  };

  try {
    await start();
  } catch (err) {
    await stopAll();
    throw err;
  }
  return stopAll;
}
