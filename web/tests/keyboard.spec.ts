import type { Locator, Page } from '@playwright/test';
import { CONSOLE_PASSWORD, CONSOLE_USERS } from './support/global-setup';
import { apiAs, expect, listedProduct, test, type ConsoleRole } from './support/fixtures';

/**
 * The guide's order journey by keyboard alone: Tab (and Shift+Tab) to reach a control, Enter, Space and the
 * arrow keys to use it, typing into fields. Nothing is clicked; each step also checks that focus is visible.
 */
const tabTo = async (page: Page, target: Locator, { back = false, max = 120 } = {}) => {
  await target.waitFor();
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement || el.contains(el.ownerDocument.activeElement))) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} is not reached by ${back ? 'Shift+Tab' : 'Tab'}`);
};

/** Tab to a button or link and press Enter. */
const press = async (page: Page, target: Locator, opts?: { back?: boolean }) => {
  await tabTo(page, target, opts);
  await page.keyboard.press('Enter');
};

const type = async (page: Page, field: Locator, text: string) => {
  await tabTo(page, field);
  await page.keyboard.type(text);
};

const signIn = async (page: Page, role: ConsoleRole) => {
  await page.goto('/signin');
  await type(page, page.getByRole('textbox', { name: '邮箱' }), CONSOLE_USERS[role].email);
  await type(page, page.getByLabel('密码'), CONSOLE_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/signin/);
};

const signOut = async (page: Page) => {
  await press(page, page.getByRole('button', { name: '退出登录' }));
  await expect(page).toHaveURL(/\/signin/);
};

/** The dialog's 确定: focus moves into the dialog (or is taken there by Tab), then Enter. */
const confirm = async (page: Page) => {
  const dialog = page.getByRole('dialog');
  await press(page, dialog.getByRole('button', { name: '确定' }));
  await expect(dialog).toHaveCount(0);
};

test('buyer buys and submits requirements, provider starts and completes, buyer confirms and rates: by keyboard alone', async ({ page }) => {
  test.setTimeout(240_000);
  const { productId, name } = await listedProduct();

  // 用户 · 服务市场 → 查看 → 购买 → 提交需求单
  await signIn(page, 'buyer');
  await press(page, page.getByRole('button', { name: `查看 ${name}` }));
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await press(page, page.getByRole('button', { name: '购买 单次服务' }));
  await confirm(page);
  await expect(page).toHaveURL(/\/buyer\/orders\/[0-9A-Z]+$/);
  const orderId = page.url().split('/').pop()!;
  await type(page, page.getByRole('textbox', { name: '服务器地址' }), '10.0.0.8');
  await press(page, page.getByRole('button', { name: '提交需求单' }));
  await confirm(page);
  await expect(page.getByText('需求单已提交，服务商开始实施前仍可修改。')).toBeVisible();
  await signOut(page);

  // 服务商 · 订单管理 → the order → 开始实施 → 实施完成 (note)
  await signIn(page, 'provider');
  await press(page, page.getByRole('link', { name: '订单管理' }));
  await press(page, page.getByRole('link', { name: orderId }));
  await expect(page.getByText('10.0.0.8')).toBeVisible();
  await press(page, page.getByRole('button', { name: '开始实施' }));
  await confirm(page);
  await press(page, page.getByRole('button', { name: '实施完成' }));
  await type(page, page.getByRole('dialog').getByRole('textbox', { name: '交付说明' }), '已调优，报告已上传');
  await confirm(page);
  await expect(page.getByText('已调优，报告已上传').first()).toBeVisible();
  await signOut(page);

  // 用户 · 已购服务 → 查看 → 确认完成 → 评价
  await signIn(page, 'buyer');
  await press(page, page.getByRole('link', { name: '已购服务' }));
  await press(page, page.getByRole('row').filter({ hasText: name }).first().getByRole('button', { name: /^查看/ }));
  await press(page, page.getByRole('button', { name: '确认完成' }));
  await confirm(page);
  const rating = page.getByRole('slider', { name: '评分' });
  await tabTo(page, rating);
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await expect(rating).toHaveAttribute('aria-valuenow', '5');
  await type(page, page.getByRole('textbox', { name: '评价内容（可选）' }), '响应快，报告清楚');
  await press(page, page.getByRole('button', { name: '提交评价' }));
  await expect(page.getByText('你的评价')).toBeVisible();

  const buyer = await apiAs('buyer');
  const order = await buyer.call('GET', `/orders/${orderId}`);
  expect(order.status).toBe('completed');
  expect(order.review.rating).toBe(5);
});
