import { defineConfig } from 'vitest/config';

/**
 * Four projects, each starting only what it needs (`npm run test:<name>`; `npm test` runs them all and then the
 * console's browser journeys):
 * - unit: pure modules, no stack at all (seconds);
 * - integration: the handlers called in-process against DynamoDB Local, cognito-local and the S3 emulator;
 * - e2e: the same stack plus serverless-offline, over HTTP (and `npm start` itself);
 * - package: `osls package --stage prod`, the CloudFormation template and the bundles.
 */
const stackSetup = {
  globalSetup: ['test/support/global-setup.ts'],
  setupFiles: ['test/support/env.ts', 'test/support/dynamodb-calls.ts'],
};

/** The unit project has no stack: the configuration every module reads at load points nowhere. */
const noStack = {
  STAGE: 'test',
  TABLE_NAME: 'MarketUnit',
  AUTH_ISSUER: 'http://127.0.0.1:9/no-stack',
  AUTH_CLIENT_ID: 'unit',
  AUTH_ALLOW_HTTP_ISSUER: 'true',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Node 20 here; deployed functions run on Node 22, so the AWS SDK's notice about Node 22 is noise
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env: noStack } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], ...stackSetup } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], ...stackSetup } },
      { extends: true, test: { name: 'package', include: ['test/package/**/*.test.ts'] } },
    ],
  },
});
