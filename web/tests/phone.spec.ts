import type { Page } from '@playwright/test';
import { apiAs, expect, orderWithRequirements, signInAs, test } from './support/fixtures';

/** At a phone's width (390 px) no page is wider than the screen: tables scroll inside their cards. */
test.describe('phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  const fitsTheScreen = async (page: Page, path: string, ready: string) => {
    await page.goto(path);
    await expect(page.getByText(ready).first()).toBeVisible();
    await expect(page.locator('.t-loading')).toHaveCount(0);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(390);
  };

  test('the order pages of both parties, in English, fit a phone', async ({ page }) => {
    const { orderId } = await orderWithRequirements();
    const provider = await apiAs('provider');
    const buyer = await apiAs('buyer');
    await buyer.call('POST', `/orders/${orderId}/messages`, { text: '请在周五晚上 22 点后操作，白天是业务高峰。' });
    await provider.call('POST', `/orders/${orderId}/start`);
    await provider.call('POST', `/orders/${orderId}/complete`, { note: '已完成配置加固与调优，QPS 由 8k 提升到 21k。' });

    await page.goto('/signin');
    await page.evaluate("localStorage.setItem('console.lang', 'en-US')");
    await signInAs(page, 'buyer');
    await fitsTheScreen(page, `/buyer/orders/${orderId}`, 'QPS 由 8k 提升到 21k');
    await fitsTheScreen(page, '/buyer/orders', 'My orders');
    await page.getByRole('button', { name: /Sign out/ }).click();
    await signInAs(page, 'provider');
    await fitsTheScreen(page, `/provider/orders/${orderId}`, 'QPS 由 8k 提升到 21k');
    await fitsTheScreen(page, '/provider/orders', 'Orders');
    await fitsTheScreen(page, '/provider/products/new', 'Plans and prices');
  });
});
