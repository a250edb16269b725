import { randomBytes } from 'node:crypto';
import { startSaasEndpoint, type SaasEndpoint } from '../../scripts/lib/saas-endpoint';
import { expect, signInAs, test } from './support/fixtures';

/**
 * SaaS 接入设置: the provider's administrator saves an endpoint (保存 verifies it), runs 接口调试 for each action and
 * sees request, response, latency and verdict; the call log answers. The endpoint is a real local server written
 * from the protocol alone.
 */
let endpoint: SaasEndpoint;
const token = `tok-${randomBytes(12).toString('hex')}`;

test.beforeAll(async () => {
  endpoint = await startSaasEndpoint({ token });
});
test.afterAll(async () => {
  await endpoint?.close();
});

test.describe('provider · SaaS 接入设置', () => {
  test('refuses an endpoint that does not echo, saves one that does, and runs 接口调试 action by action', async ({ page }) => {
    await signInAs(page, 'provider');
    await page.getByRole('link', { name: 'SaaS 接入设置' }).click();
    await expect(page.getByRole('heading', { name: 'SaaS 接入设置', level: 1 })).toBeVisible();

    endpoint.plan('verifyInterface', 'wrongEcho');
    await page.getByRole('textbox', { name: '接入地址' }).fill(endpoint.url);
    await page.getByLabel('Token').fill(token);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('not-the-echo').first()).toBeVisible();

    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText(/接入地址已校验/)).toBeVisible();
    await expect(page.getByText('SaaS 商品提交审核前需通过：createInstance, renewInstance, expireInstance, destroyInstance')).toBeVisible();

    for (const action of ['createInstance', 'renewInstance', 'expireInstance', 'destroyInstance']) {
      await page.getByRole('button', { name: `调试 ${action}` }).click();
      const result = page.getByLabel(`${action} 的调试结果`);
      await expect(result.getByText('通过', { exact: true })).toBeVisible();
      await expect(result.getByText(/毫秒/)).toBeVisible();
      await expect(result.getByText(/signature=[0-9a-f]{64}/)).toBeVisible();
    }
    await expect(page.getByText('必需的接口均已通过，可提交 SaaS 商品审核。')).toBeVisible();

    await page.getByRole('link', { name: 'SaaS 调用记录' }).click();
    await expect(page.getByRole('heading', { name: 'SaaS 调用记录', level: 1 })).toBeVisible();
  });

  test('reads in English on the switch', async ({ page }) => {
    await signInAs(page, 'provider');
    await page.goto('/provider/saas');
    await page.getByRole('textbox', { name: '语言' }).click();
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'SaaS integration', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'SaaS calls' })).toBeVisible();
    // back to Chinese for the journeys after this one
    await page.getByRole('textbox', { name: 'Language' }).click();
    await page.getByText('中文', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'SaaS 接入设置', level: 1 })).toBeVisible();
  });
});
