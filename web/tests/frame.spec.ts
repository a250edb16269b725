import { expect, orderWithRequirements, signInAs, test } from './support/fixtures';

test.describe('frame', () => {
  test('switches to English, remembers it, and the API labels follow', async ({ page }) => {
    const { orderId } = await orderWithRequirements();
    await signInAs(page, 'provider');
    await page.getByRole('textbox', { name: '语言' }).click();
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByRole('link', { name: 'Products' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Products' })).toBeVisible();
    await page.goto('/provider/orders');
    await expect(page.getByRole('row').filter({ hasText: orderId }).getByText('Awaiting start')).toBeVisible();
  });

  test('shows only what the role allows and signs out', async ({ page }) => {
    await signInAs(page, 'buyer');
    await expect(page.getByRole('link', { name: '商品管理' })).toHaveCount(0);
    await page.goto('/provider/products');
    await expect(page.getByText('页面不存在')).toBeVisible();
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto('/provider/products');
    await expect(page).toHaveURL(/\/signin/);
  });

  test('is served with its security headers, and serves the API reference page’s renderer', async ({ request }) => {
    for (const path of ['/', '/provider/orders', '/config.json']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const headers = res.headers();
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
    }
    const renderer = await request.get('/docs/redoc.standalone.js');
    expect(renderer.status()).toBe(200);
    expect((await renderer.body()).length).toBeGreaterThan(500_000);
  });

  test('refuses a wrong password with the pool’s message', async ({ page }) => {
    await page.goto('/signin');
    await page.getByRole('textbox', { name: '邮箱' }).fill('provider@console.example');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toContainText('登录失败');
  });
});
