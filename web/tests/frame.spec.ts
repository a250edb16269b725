import { expect, orderWithRequirements, signInAs, stack, test } from './support/fixtures';
import { CONSOLE_PASSWORD, CONSOLE_USERS } from './support/global-setup';

test.describe('frame', () => {
  test('switches to English, remembers it, and the API labels follow', async ({ page }) => {
    const { orderId } = await orderWithRequirements();
    await signInAs(page, 'provider');
    await page.goto('/provider/orders');
    const row = page.getByRole('row').filter({ hasText: orderId });
    await expect(row.getByText('待实施')).toBeVisible();
    await page.getByRole('textbox', { name: '语言' }).click();
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByRole('link', { name: 'Products' })).toBeVisible();
    // the API's labels are asked again in the new language, without a reload
    await expect(row.getByText('Awaiting start')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
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
    await expect(page.getByRole('alert')).toContainText('邮箱或密码不正确');
    await expect(page.getByRole('alert')).not.toContainText(/[A-Za-z]{4,}/);
    // keyboard focus is visible, in a sans-serif face
    await page.getByLabel('密码').focus();
    await page.keyboard.press('Tab');
    const signIn = page.getByRole('button', { name: '登录' });
    await expect(signIn).toBeFocused();
    await expect(signIn).toHaveCSS('outline-style', 'solid');
    await expect(signIn).toHaveCSS('font-family', /sans-serif$/);
  });

  test('an expired session says why at sign-in, and signing in returns to the page asked for', async ({ page }) => {
    await signInAs(page, 'provider');
    const api = new URL(stack().apiUrl).origin;
    // the API refuses the token once (expired, revoked): the console ends the session and says so
    await page.route(
      (url) => url.origin === api && url.pathname.endsWith('/provider/webhook'),
      (route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          headers: { 'access-control-allow-origin': '*' },
          body: JSON.stringify({ type: 'about:blank', title: '未登录', status: 401, code: 'UNAUTHORIZED', detail: '令牌已过期' }),
        }),
      { times: 1 },
    );
    await page.goto('/provider/webhook?tab=log');
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole('status')).toContainText('登录已过期');
    await page.getByRole('textbox', { name: '邮箱' }).fill(CONSOLE_USERS.provider.email);
    await page.getByLabel('密码').fill(CONSOLE_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/provider\/webhook\?tab=log$/);
    await expect(page.getByRole('heading', { name: 'Webhook 设置' })).toBeVisible();
  });
});
