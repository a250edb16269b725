import { defineConfig, devices } from '@playwright/test';

/**
 * The console's browser journeys: Debian's Chromium (never a downloaded browser) against a private local
 * stack that the global setup starts on free ports (DynamoDB Local in memory, cognito-local,
 * serverless-offline, the built console with its /config.json).
 */
export default defineConfig({
  testDir: './tests',
  globalSetup: './tests/support/global-setup.ts',
  reporter: process.env.CI ? 'line' : 'list',
  // One worker: the machine's cores are shared, and the journeys share one stack.
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  outputDir: './test-results',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
});
