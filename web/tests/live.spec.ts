import type { Browser, Page } from '@playwright/test';
import { apiAs, expect, orderWithRequirements, signInAs, stack, test, type ConsoleRole } from './support/fixtures';

/** Each step the other side takes shows up on an open page within this, without a reload (spec 5.1). */
const LIVE = { timeout: 2_000 };

const consoleOf = async (browser: Browser, role: ConsoleRole, path: string) => {
  const context = await browser.newContext({ baseURL: stack().consoleUrl, locale: 'zh-CN' });
  const page = await context.newPage();
  await signInAs(page, role);
  await page.goto(path);
  await expect(page.getByRole('status').getByText('实时')).toBeVisible();
  return page;
};

test('the other party’s click shows on an open page without a reload', async ({ browser }) => {
  test.setTimeout(180_000);
  const { orderId } = await orderWithRequirements();
  const buyerApi = await apiAs('buyer');
  const providerApi = await apiAs('provider');
  const provider: Page = await consoleOf(browser, 'provider', `/provider/orders/${orderId}`);
  const buyer: Page = await consoleOf(browser, 'buyer', `/buyer/orders/${orderId}`);

  // 服务商 · 开始实施 → the buyer's page shows 实施中
  await provider.getByRole('button', { name: '开始实施' }).click();
  await provider.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(buyer.getByText('实施中', { exact: true }).first()).toBeVisible(LIVE);

  // a message from the buyer appears in the provider's conversation
  await buyerApi.call('POST', `/orders/${orderId}/messages`, { text: '请在周五晚上 22 点后操作。' });
  await expect(provider.getByRole('list', { name: '沟通记录' }).getByText('请在周五晚上 22 点后操作。')).toBeVisible(LIVE);

  // 用户 · 确认完成 → the provider's page shows 已完成
  await providerApi.call('POST', `/orders/${orderId}/complete`, { note: '已完成巡检' });
  await buyer.getByRole('button', { name: '确认完成' }).click(LIVE);
  await buyer.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(provider.getByText('已完成', { exact: true }).first()).toBeVisible(LIVE);

  // the operator's appeal queue gains a new appeal
  const appealed = await orderWithRequirements();
  await providerApi.call('POST', `/orders/${appealed.orderId}/start`);
  for (let i = 1; i <= 3; i += 1) {
    await providerApi.call('POST', `/orders/${appealed.orderId}/complete`, { note: `第 ${i} 次交付` });
    await buyerApi.call('POST', `/orders/${appealed.orderId}/reject-completion`, { reason: `第 ${i} 次验收未通过` });
  }
  const operator = await consoleOf(browser, 'operator', '/operator/appeals');
  await expect(operator.getByRole('row').filter({ hasText: appealed.product.name })).toHaveCount(0);
  await buyerApi.call('POST', `/orders/${appealed.orderId}/appeal`, { reason: '三次交付均未解决问题' });
  await expect(operator.getByRole('row').filter({ hasText: appealed.product.name })).toBeVisible(LIVE);
});
