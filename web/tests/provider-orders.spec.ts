import { apiAs, expect, orderWithRequirements, signInAs, test } from './support/fixtures';

test.describe('provider · 订单管理', () => {
  test('starts, completes with a note and urges, each through its confirmation', async ({ page }) => {
    const { orderId, product } = await orderWithRequirements();
    await signInAs(page, 'provider');
    await page.getByRole('link', { name: '订单管理' }).click();
    await page.getByRole('row').filter({ hasText: orderId }).getByRole('link', { name: orderId }).click();
    await expect(page.getByRole('heading', { name: `订单详情 · ${product.name}` })).toBeVisible();
    await expect(page.getByText('10.0.0.8')).toBeVisible();

    await page.getByRole('button', { name: '开始实施' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByRole('button', { name: '实施完成' })).toBeVisible();

    await page.getByRole('button', { name: '实施完成' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '交付说明' }).fill('补丁已安装，监控已接入');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(page.getByRole('button', { name: '催促' })).toBeVisible();
    await expect(page.getByText('补丁已安装，监控已接入').first()).toBeVisible();

    await page.getByRole('button', { name: '催促' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('上次催促')).toBeVisible();

    const record = page.locator('section').filter({ has: page.getByText('监管记录') });
    for (const step of ['下单', '提交需求单', '开始实施', '实施完成', '催促']) await expect(record.getByText(step, { exact: true }).first()).toBeVisible();
    await expect(record.getByText('服务商: 实施中 → 待用户确认')).toBeVisible();
    await expect(record.getByText('用户: 实施中 → 待确认完成')).toBeVisible();

    // a second urge within 24 hours is refused, and the dialog says why
    await page.getByRole('button', { name: '催促' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText('429');
  });

  test('a double click on 确定 starts the work once', async ({ page }) => {
    const { orderId } = await orderWithRequirements();
    await signInAs(page, 'provider');
    await page.goto(`/provider/orders/${orderId}`);
    await page.getByRole('button', { name: '开始实施' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).dblclick();
    await expect(page.getByRole('button', { name: '实施完成' })).toBeVisible();
    const provider = await apiAs('provider');
    const order = await provider.call('GET', `/orders/${orderId}`);
    expect(order.timeline.filter((e: { action: string }) => e.action === 'start')).toHaveLength(1);
  });

  test('filters the list by status and finds an order by its number', async ({ page }) => {
    const { orderId } = await orderWithRequirements();
    await signInAs(page, 'provider');
    await page.goto('/provider/orders');
    await expect(page.getByRole('row').filter({ hasText: orderId })).toBeVisible();
    await page.getByRole('textbox', { name: '订单号' }).fill(orderId);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(new RegExp(`/provider/orders/${orderId}$`));
  });

  test('another provider’s order number answers not found, without showing the order', async ({ page }) => {
    const { orderId } = await orderWithRequirements();
    await signInAs(page, 'provider2');
    await page.goto(`/provider/orders/${orderId}`);
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    await expect(page.getByRole('button', { name: '返回首页' })).toBeVisible();
    await expect(page.getByText('10.0.0.8')).toHaveCount(0);
  });
});
