import { test as base, expect, type Page } from '@playwright/test';
import { stack, type ConsoleRole } from './api';
import { CONSOLE_PASSWORD, CONSOLE_USERS } from './global-setup';

export * from './api';

/** Signs in through the sign-in page, as a person would. */
export const signInAs = async (page: Page, role: ConsoleRole) => {
  await page.goto('/signin');
  await page.getByRole('textbox', { name: /邮箱|Email/ }).fill(CONSOLE_USERS[role].email);
  await page.getByLabel(/密码|Password/).fill(CONSOLE_PASSWORD);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/\/signin/);
};

export const test = base.extend({
  baseURL: async ({}, use) => use(stack().consoleUrl),
});
export { expect };
