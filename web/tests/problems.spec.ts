import { apiAs, expect, listedProduct, signInAs, stack, test } from './support/fixtures';

/** A refused call shows the API's own words; "not online yet" is kept for a route the API does not have. */
test.describe('problems', () => {
  test('a 404 of the API shows its detail and field, not "not online yet"', async ({ page }) => {
    const { productId, name } = await listedProduct();
    await signInAs(page, 'buyer');
    await page.goto(`/catalog/${productId}`);
    await expect(page.getByRole('heading', { name })).toBeVisible();

    // meanwhile the plan the page shows is replaced, and the new version approved
    const provider = await apiAs('provider');
    const operator = await apiAs('operator');
    await provider.call('PATCH', `/provider/products/${productId}`, {
      plans: [{ planId: 'monthly', name: '包月服务', duration: 1, unit: 'month', listPrice: 90000, price: 80000 }],
    });
    const submitted = await provider.call<{ version: number }>('POST', `/provider/products/${productId}/submit`);
    await operator.call('POST', `/operator/products/${productId}/approve`, { version: submitted.version });

    await page.getByRole('button', { name: '购买 单次服务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确定' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('(404)');
    await expect(alert).toContainText('planId');
    await expect(alert).toContainText('once');
    await expect(alert).not.toContainText('尚未上线');
  });

  test('a route the API does not have (a 404 without a problem body) is "not online yet"', async ({ page }) => {
    await page.route(
      (url) => url.origin === new URL(stack().apiUrl).origin && url.pathname.endsWith('/provider/dashboard'),
      (route) =>
        route.request().method() === 'GET'
          ? route.fulfill({ status: 404, contentType: 'text/plain', headers: { 'access-control-allow-origin': '*' }, body: 'Not Found' })
          : route.continue(),
    );
    await signInAs(page, 'provider');
    await page.goto('/provider/dashboard');
    await expect(page.getByRole('alert')).toContainText('此功能的接口尚未上线');
  });

  test('a network failure is said in the console’s words, with 重试', async ({ page }) => {
    await signInAs(page, 'provider');
    // the list's request and its two automatic retries fail at the network
    await page.route((url) => url.origin === new URL(stack().apiUrl).origin && url.pathname.endsWith('/provider/webhook/deliveries'), (route) => route.abort('connectionrefused'), { times: 3 });
    await page.goto('/provider/webhook');
    const alert = page.getByRole('alert').filter({ hasText: '网络错误' });
    await expect(alert).toContainText('无法连接服务，请检查网络后重试。');
    await expect(alert).not.toContainText(/NETWORK|Failed to fetch/);
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '网络错误' })).toHaveCount(0);
  });
});
