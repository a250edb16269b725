import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { composeStack } from '../../../scripts/lib/compose';
import { ensureOrganisation } from '../../../scripts/lib/organisations';
import { dynamoClient } from '../../../scripts/lib/stack';

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
  /** The SES emulator (registration codes, invitations): `GET <mailEndpoint>/store`. */
  mailEndpoint?: string;
  /** The stack's state: cognito-local keeps its pools under `.cognito/db/` here. */
  dataDir?: string;
  userPoolId?: string;
}

/**
 * A private stack for the browser journeys, on free ports, beside any running `npm start` or vitest run:
 * DynamoDB Local in memory, cognito-local, the S3 emulator, serverless-offline on a table of its own (bundles in
 * .esbuild/test-console, reused while no input changed), and the console served with its /config.json, built
 * unless web/dist was built from the same inputs. CONSOLE_SKIP_BUILD=1 serves web/dist as it is.
 */
export default async function globalSetup() {
  // A stack kept running by `npx tsx web/tests/support/keep-stack.ts` is reused as it is.
  if (process.env.CONSOLE_STACK) return async () => undefined;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const stack = await composeStack({
    parts: ['dynamodb', 'cognito', 's3', 'mail', 'offline', 'console'],
    tableName: 'MarketConsole',
    poolName: 'market-console',
    bucket: 'market-console-attachments',
    users: Object.fromEntries(Object.entries(CONSOLE_USERS).map(([name, u]) => [name, { email: u.email, password: CONSOLE_PASSWORD, roles: u.role }])),
    // being a provider is a membership: each provider user administers an organisation of their own id (as migrated)
    seed: async (s) => {
      const db = DynamoDBDocumentClient.from(dynamoClient(s.dynamodb.endpoint), { marshallOptions: { removeUndefinedValues: true } });
      for (const [name, u] of Object.entries(CONSOLE_USERS)) {
        if (u.role !== 'provider') continue;
        const { id, email } = s.users[name];
        await ensureOrganisation(db, s.dynamodb.tableName, { providerId: id, name: email, admin: { userId: id, email } });
      }
      db.destroy();
    },
    logLevel: 'ERROR',
    offline: { workFolder: '.esbuild/test-console', startTimeoutMs: 600_000 },
    console: { build: process.env.CONSOLE_SKIP_BUILD === '1' ? 'never' : 'reuse' },
    verbose: process.env.CONSOLE_VERBOSE === '1',
  });
  const info: ConsoleStack = {
    consoleUrl: stack.consoleUrl,
    apiUrl: stack.apiUrl,
    cognitoEndpoint: stack.cognito.endpoint,
    clientId: stack.cognito.clientId,
    dataDir: stack.dataDir,
    userPoolId: stack.cognito.userPoolId,
    mailEndpoint: stack.mail.endpoint,
  };
  process.env.CONSOLE_STACK = JSON.stringify(info);
  return () => stack.stop();
}
