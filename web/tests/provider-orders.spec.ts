import { apiAs, expect, orderWithRequirements, signInAs, test } from './support/fixtures';

test.describe('provider · 订单管理', () => {
  test('starts, completes with a note and a file and urges, each through its confirmation', async ({ page }) => {
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
    // a file the API does not take is refused with its reason; a report is attached
    const refused = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: '添加附件' }).click();
    await (await refused).setFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await expect(dialog.getByText('setup.exe：不支持此文件类型')).toBeVisible();
    const report = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: '添加附件' }).click();
    await (await report).setFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from('patched\n') });
    await expect(dialog.getByText('report.txt').first()).toBeVisible();
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(page.getByRole('button', { name: '下载 report.txt' }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: '催促' })).toBeVisible();
    await expect(page.getByText('补丁已安装，监控已接入').first()).toBeVisible();

    await page.getByRole('button', { name: '催促' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('上次催促')).toBeVisible();

    const record = page.locator('section').filter({ has: page.getByText('监管记录') });
    for (const step of ['下单', '提交需求单', '开始实施', '实施完成', '催促']) await expect(record.getByText(step, { exact: true }).first()).toBeVisible();
    // the provider reads its own status names, not the buyer's
    await expect(record.getByText('实施中 → 待用户确认')).toBeVisible();
    await expect(record.getByText('待确认完成')).toHaveCount(0);

    // a second urge within 24 hours is not offered: the button stays, disabled, and says why
    const urgeAgain = page.getByRole('button', { name: '催促' });
    await expect(urgeAgain).toHaveAttribute('aria-disabled', 'true');
    await urgeAgain.hover();
    await expect(page.locator('.t-popup').getByText('刚刚已催促过用户')).toBeVisible();
    await urgeAgain.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('the provider replies to a rating; its buyer edits it', async ({ page }) => {
    const { orderId } = await orderWithRequirements();
    const provider = await apiAs('provider');
    const buyer = await apiAs('buyer');
    await provider.call('POST', `/orders/${orderId}/start`);
    await provider.call('POST', `/orders/${orderId}/complete`, { note: '已完成' });
    await buyer.call('POST', `/orders/${orderId}/confirm`);
    await buyer.call('POST', `/orders/${orderId}/review`, { rating: 3, comment: '还可以' });

    await signInAs(page, 'provider');
    await page.goto(`/provider/orders/${orderId}`);
    await page.getByRole('textbox', { name: '回复内容' }).fill('感谢反馈，已优化巡检脚本');
    await page.getByRole('button', { name: '回复', exact: true }).click();
    await expect(page.getByText('服务商回复：感谢反馈，已优化巡检脚本')).toBeVisible();
    await expect(page.getByRole('textbox', { name: '回复内容' })).toHaveCount(0);

    await signInAs(page, 'buyer');
    await page.goto(`/buyer/orders/${orderId}`);
    await page.getByRole('button', { name: '修改评价' }).click();
    await page.getByRole('slider', { name: '评分' }).press('End');
    await page.getByRole('textbox', { name: '评价内容（可选）' }).fill('问题都解决了');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('问题都解决了')).toBeVisible();
    await expect(page.getByRole('slider', { name: '评分' })).toHaveCount(0);
    expect((await buyer.call<{ review: { rating: number } }>('GET', `/orders/${orderId}`)).review.rating).toBe(5);
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
    // the order number is the design system's link (brand colour, no underline, a sans-serif face), not the browser's
    const link = page.getByRole('row').filter({ hasText: orderId }).getByRole('link').first();
    await expect(link).toHaveClass(/t-link/);
    await expect(link).toHaveCSS('text-decoration-line', 'none');
    await expect(link).not.toHaveCSS('color', 'rgb(0, 0, 238)');
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
