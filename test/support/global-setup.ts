import type { TestProject } from 'vitest/node';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { composeStack } from '../../scripts/lib/compose';
import { ensureOrganisation } from '../../scripts/lib/organisations';
import { dynamoClient } from '../../scripts/lib/stack';

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
  // the organisation tests' two teams (members join them with tokens of their own)
  teamAdmin: { email: 'team-admin@test.example', role: 'provider' },
  otherTeamAdmin: { email: 'other-team-admin@test.example', role: 'provider' },
} as const;
export type TestUser = keyof typeof TEST_USERS;
// Jobs and the end-to-end stack (whose stream function reads its table's whole stream) get tables of
// their own, so they never see another file's items.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export const ISOLATED_TABLES = ['MarketSaas', 'MarketTimers', 'MarketNotify', 'MarketWebhooks', 'MarketE2E', 'MarketConversation', 'MarketOps', 'MarketDashboard', 'MarketOpsHooks', 'MarketEvents', 'MarketLive', 'MarketCodes'];
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
  /** serverless-offline's WebSocket API (the live console), with the e2e project. */
  websocketUrl: string;
  users: Record<TestUser, { id: string; token: string; email: string }>;
  /** The S3 emulator (s3rver) and the attachments bucket. */
  s3: { endpoint: string; bucket: string };
  /** The local key that seals stored secrets. */
  secretsKeyFile: string;
  /** The SES emulator (test/support/mail.ts reads what it received). */
  mail: { endpoint: string; viewerUrl: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

/**
 * Starts a private DynamoDB Local (in memory), cognito-local and the S3 emulator for the test run, on free ports;
 * for the e2e project also serverless-offline (bundles in .esbuild/test, reused while no input changed).
 */
/**
 * Every provider test user gets an organisation whose providerId is their user id, with them as its
 * administrator, in every table: exactly what `npm run migrate:organisations` does for one-login providers.
 */
const giveProviderOrganisations = async (endpoint: string, tables: string[], users: Record<string, { id: string; email: string }>) => {
  const db = DynamoDBDocumentClient.from(dynamoClient(endpoint), { marshallOptions: { removeUndefinedValues: true } });
  const providers = Object.entries(TEST_USERS).filter(([, u]) => [u.role].flat().includes('provider'));
  for (const table of tables) {
    for (const [name] of providers) {
      const u = users[name];
      await ensureOrganisation(db, table, { providerId: u.id, name: u.email, admin: { userId: u.id, email: u.email } });
    }
  }
  db.destroy();
};

export default async function setup(project: TestProject) {
  const e2e = project.name === 'e2e';
  const stack = await composeStack({
    parts: e2e ? ['dynamodb', 'cognito', 's3', 'mail', 'offline'] : ['dynamodb', 'cognito', 's3', 'mail'],
    tableName: 'MarketTest',
    extraTables: ISOLATED_TABLES,
    poolName: 'market-test',
    bucket: 'market-test-attachments',
    users: Object.fromEntries(Object.entries(TEST_USERS).map(([name, u]) => [name, { email: u.email, password: TEST_PASSWORD, roles: u.role, token: true }])),
    logLevel: 'ERROR',
    // the end-to-end functions on a table of their own (their stream function reads its whole stream)
    offline: { env: { TABLE_NAME: 'MarketE2E' }, workFolder: '.esbuild/test' },
    verbose: process.env.E2E_VERBOSE === '1',
  });
  await giveProviderOrganisations(stack.dynamodb.endpoint, ['MarketTest', ...ISOLATED_TABLES], stack.users);
  project.provide('stack', {
    dynamodbEndpoint: stack.dynamodb.endpoint,
    cognitoEndpoint: stack.cognito.endpoint,
    tableName: stack.dynamodb.tableName,
    userPoolId: stack.cognito.userPoolId,
    clientId: stack.cognito.clientId,
    issuer: stack.cognito.issuer,
    apiUrl: stack.apiUrl,
    websocketUrl: stack.websocketUrl,
    users: stack.users as StackInfo['users'],
    s3: stack.s3,
    secretsKeyFile: stack.secretsKeyFile,
    mail: stack.mail,
  });
  return () => stack.stop();
}
