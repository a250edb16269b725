import { randomBytes } from 'node:crypto';
import { startSaasEndpoint, type SaasEndpoint } from '../../scripts/lib/saas-endpoint';
import { apiAs, expect, productContent, signInAs, test } from './support/fixtures';

/**
 * SaaS 接入设置: the provider's administrator saves an endpoint (保存 verifies it), runs 接口调试 for each action and
 * sees request, response, latency and verdict; the call log answers. Then the SaaS journey: the provider submits
 * its SaaS product (accepted once the actions passed), the operator approves it, a buyer buys it answering the
 * product's requirements, sees the instance, renews and changes the plan, and both parties read the price
 * difference on the record. The endpoint is a real local server written from the protocol alone.
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
  test('refuses an endpoint that does not echo, saves one that does, runs 接口调试 action by action; the SaaS product is then submitted, approved, bought, renewed and changed', async ({
    page,
  }) => {
    test.setTimeout(300_000);
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

    // 服务商 · 提交审核 of a SaaS product (its content written through the API: the form has its own journey)
    const name = `云监控${Date.now() % 100000}`;
    const provider = await apiAs('provider');
    const draft = await provider.call('POST', '/provider/products', {
      ...productContent({ name, serviceType: 'saas', delivery: 'saas', category: 'SaaS', requirementsBeforeStart: false }),
      plans: [
        { planId: 'std', name: '标准版', duration: 1, unit: 'month', listPrice: 12_000, price: 9_900 },
        { planId: 'pro', name: '专业版', duration: 1, unit: 'month', listPrice: 32_000, price: 29_900 },
      ],
      requirementsTemplate: [
        { key: 'company', label: '公司名称', type: 'text', required: true },
        { key: 'edition', label: '部署区域', type: 'select', required: false, options: ['华东', '华南'] },
      ],
    });
    await page.goto(`/provider/products/${draft.productId}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('审核中').first()).toBeVisible();

    // 运营 · 商品审核 → 通过
    await signInAs(page, 'operator');
    await page.getByRole('link', { name: '商品审核' }).click();
    await page.getByRole('button', { name: `审核 ${name}` }).click();
    await page.getByRole('button', { name: '通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '通过' }).click();
    await expect(page.getByRole('button', { name: `审核 ${name}` })).toHaveCount(0);

    // 用户 · 购买 标准版: the requirements are asked in the dialog, a required one left empty is refused
    await signInAs(page, 'buyer');
    await page.goto(`/catalog/${draft.productId}`);
    await page.getByRole('button', { name: '购买 标准版' }).click();
    const buy = page.getByRole('dialog');
    await buy.getByRole('button', { name: '确定' }).click();
    await expect(buy.getByText('请填写公司名称')).toBeVisible();
    await buy.getByRole('textbox', { name: '公司名称' }).fill('示例科技');
    await buy.getByRole('button', { name: '确定' }).click();
    await expect(page).toHaveURL(/\/buyer\/orders\/[0-9A-Z]+$/);
    const orderId = page.url().split('/').pop()!;

    // the instance, created with the answers (userCollectionInfo)
    await expect(page.getByText('已开通').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: /^https:\/\/app\.example\.com\/sign-/ })).toBeVisible();
    const create = endpoint.seen.find((c) => c.action === 'createInstance' && c.body.orderId === orderId);
    expect(create?.body.userCollectionInfo).toEqual({ company: '示例科技' });

    // 续费 one period: two months are paid for
    await page.getByRole('button', { name: '续费' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('¥198.00').first()).toBeVisible();

    // 变更规格 to 专业版 for the two months left: (299 − 99) × 2 = ¥400.00 difference paid
    await page.getByRole('button', { name: '变更规格' }).click();
    const change = page.getByRole('dialog');
    await change.getByRole('textbox', { name: '新规格' }).or(change.locator('.t-select')).first().click();
    await page.getByText('专业版 · ¥299.00/周期').click();
    // the API's quote of the difference, before confirming
    await expect(change.getByRole('status')).toHaveText(/^按剩余时长折算，需补差价 ¥(400\.00|399\.9\d)$/);
    await change.getByRole('button', { name: '确定' }).click();
    // (a minute more between purchase and change would take a fen off the time left)
    const settled = /规格 标准版 → 专业版 · 补差价 ¥(400\.00|399\.9\d) · 订单金额 ¥(598\.00|597\.9\d)/;
    await expect(page.getByText(settled)).toBeVisible();
    await expect.poll(() => endpoint.seen.filter((c) => c.action === 'modifyInstance' && c.body.orderId === orderId && c.answered === 200).length, { timeout: 30_000 }).toBe(1);

    // the provider reads the same settlement on its order
    await signInAs(page, 'provider');
    await page.goto(`/provider/orders/${orderId}`);
    await expect(page.getByText(settled)).toBeVisible();
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
