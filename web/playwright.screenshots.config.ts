import { defineConfig, devices } from '@playwright/test';

/**
 * `npm run screenshots`: PNGs of the main pages for the three roles, in Chinese and English, written to
 * docs/screenshots/, against the same private local stack as the browser journeys.
 */
export default defineConfig({
  testDir: './screenshots',
  globalSetup: './tests/support/global-setup.ts',
  reporter: 'list',
  workers: 1,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  outputDir: './test-results/screenshots',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
});
