import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { apiAs, expect, listedProduct, productContent, signInAs, stack, test } from './support/fixtures';
import { CONSOLE_USERS } from './support/global-setup';

/** Where the pages are photographed for a look (`SHOTS=1`); nothing here is committed. */
const SHOTS = process.env.SHOTS ? join(__dirname, '..', 'test-results', 'operator-names') : undefined;

const shoot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  await expect(page.locator('.t-loading')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
};

const english = async (page: Page) => {
  await page.evaluate(`localStorage.setItem('console.lang', 'en-US')`);
  await page.reload();
};

/** The organisation of the console's provider is named after its email (global setup). */
const ORGANISATION = CONSOLE_USERS.provider.email;

test.describe('operator · names, not ids', () => {
  test('order and product search by organisation, credit code or email, showing names', async ({ page }) => {
    const { productId, name } = await listedProduct();
    const buyer = await apiAs('buyer');
    await buyer.call('PUT', '/me', { displayName: '赵买家', locale: 'zh-CN', emailPreferences: [] });
    const order = await buyer.call('POST', '/orders', { productId, planId: 'once', quantity: 1 });

    await signInAs(page, 'operator');
    await page.goto('/operator/search');
    await page.getByRole('textbox', { name: '服务商', exact: true }).fill(ORGANISATION.slice(0, 9));
    await page.getByRole('textbox', { name: '买家邮箱' }).fill(CONSOLE_USERS.buyer.email);
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row').filter({ hasText: order.orderId.slice(-8) });
    await expect(row.getByText(ORGANISATION)).toBeVisible();
    await expect(row.getByText('赵买家')).toBeVisible();
    await shoot(page, 'order-search.zh');

    // an email that names nobody: the list is empty, not an error
    await page.getByRole('textbox', { name: '买家邮箱' }).fill('nobody@console.example');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('row').filter({ hasText: order.orderId.slice(-8) })).toHaveCount(0);
    // an email that is not one: the API's words beside the field
    await page.getByRole('textbox', { name: '买家邮箱' }).fill('not-an-email');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('alert').or(page.locator('.t-input__tips, .field-error')).first()).toBeVisible();

    await page.goto(`/operator/orders/${order.orderId}`);
    await expect(page.getByText(ORGANISATION).first()).toBeVisible();
    await expect(page.getByText(/赵买家/).first()).toBeVisible();
    await shoot(page, 'order-view.zh');

    await page.goto('/operator/search?tab=products');
    await page.getByRole('textbox', { name: '服务商', exact: true }).fill(CONSOLE_USERS.provider.email);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('row').filter({ hasText: name }).getByText(ORGANISATION)).toBeVisible();
    await shoot(page, 'product-search.zh');

    await english(page);
    await expect(page.getByRole('row').filter({ hasText: name }).getByText(ORGANISATION)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Provider', exact: true })).toBeVisible();
    await shoot(page, 'product-search.en');
    await page.goto(`/operator/search?provider=${encodeURIComponent(ORGANISATION.slice(0, 9))}`);
    await expect(page.getByRole('row').filter({ hasText: order.orderId.slice(-8) }).getByText('赵买家')).toBeVisible();
    await shoot(page, 'order-search.en');
    expect(stack().apiUrl).toBeTruthy();
  });

  test('the review queue and the review name the organisation; the history names the reviewer', async ({ page }) => {
    const provider = await apiAs('provider');
    const operator = await apiAs('operator');
    await operator.call('PUT', '/me', { displayName: '钱运营', locale: 'zh-CN', emailPreferences: [] });
    const content = productContent();
    const p = await provider.call('POST', '/provider/products', content);
    const first = await provider.call('POST', `/provider/products/${p.productId}/submit`);
    await operator.call('POST', `/operator/products/${p.productId}/reject`, { version: first.version, reason: '请补充交付说明' });
    await provider.call('PATCH', `/provider/products/${p.productId}`, { summary: '补充了交付说明' });
    await provider.call('POST', `/provider/products/${p.productId}/submit`);

    await signInAs(page, 'operator');
    await page.goto('/operator/reviews');
    await expect(page.getByRole('row').filter({ hasText: content.name }).getByText(ORGANISATION)).toBeVisible();
    await shoot(page, 'review-queue.zh');
    await page.getByRole('button', { name: `审核 ${content.name}` }).click();
    const history = page.locator('.t-card').filter({ hasText: '审核记录' });
    await expect(history.getByText('钱运营')).toBeVisible();
    await expect(page.getByText(ORGANISATION).first()).toBeVisible();
    await shoot(page, 'review-detail.zh');
    await english(page);
    await expect(page.locator('.t-card').filter({ hasText: 'Review history' }).getByText('钱运营')).toBeVisible();
    await shoot(page, 'review-detail.en');
  });
});
