import { apiAs, expect, listedProduct, signInAs, test } from './support/fixtures';

test.describe('buyer · 用户控制台', () => {
  test('fills a requirements form of every field type; a missing required answer shows next to its input', async ({ page }) => {
    const { productId } = await listedProduct({
      requirementsTemplate: [
        { key: 'host', label: '服务器地址', type: 'text', required: true },
        { key: 'cores', label: 'CPU 核数', type: 'number', required: true },
        { key: 'backup', label: '是否需要备份', type: 'boolean', required: false },
        { key: 'os', label: '操作系统', type: 'select', required: true, options: ['Ubuntu', 'CentOS'] },
      ],
    });
    const buyer = await apiAs('buyer');
    const order = await buyer.call('POST', '/orders', { productId, planId: 'once', quantity: 1 });

    await signInAs(page, 'buyer');
    await page.goto(`/buyer/orders/${order.orderId}`);
    await page.getByRole('textbox', { name: '服务器地址' }).fill('10.0.0.9');
    await page.getByRole('button', { name: '提交需求单' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByRole('textbox', { name: 'CPU 核数' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: '服务器地址' })).not.toHaveAttribute('aria-invalid', 'true');

    await page.getByRole('textbox', { name: 'CPU 核数' }).fill('8');
    await page.getByText('是', { exact: true }).click();
    await page.getByRole('textbox', { name: '操作系统' }).click();
    await page.getByText('Ubuntu', { exact: true }).click();
    await page.getByRole('button', { name: '提交需求单' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('需求单已提交，服务商开始实施前仍可修改。')).toBeVisible();
    const saved = await buyer.call('GET', `/orders/${order.orderId}`);
    expect(saved.requirements.answers).toEqual({ host: '10.0.0.9', cores: 8, backup: true, os: 'Ubuntu' });
    // 监管记录 names the buyer's status as the API does: the form was due, and is no longer
    expect(saved.labels.buyer).toBe('待服务商实施');
    // the buyer reads its own names only (the provider's are worded for the provider)
    await expect(page.getByText('待提交需求单', { exact: true })).toBeVisible();
    await expect(page.getByText('待提交需求单 → 待服务商实施', { exact: true })).toBeVisible();
    await expect(page.getByText(/^服务商: /)).toHaveCount(0);
  });

  test('cancels before work starts, through its confirmation', async ({ page }) => {
    const { productId } = await listedProduct();
    const buyer = await apiAs('buyer');
    const order = await buyer.call('POST', '/orders', { productId, planId: 'once', quantity: 1 });
    await signInAs(page, 'buyer');
    await page.goto(`/buyer/orders/${order.orderId}`);
    await page.getByRole('button', { name: '取消', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('款项全额退回');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('已取消（已退款）').first()).toBeVisible();
    await expect(page.getByRole('button', { name: '取消', exact: true })).toHaveCount(0);
  });

  test('rejects a completion with a reason; the order goes back to implementing', async ({ page }) => {
    const { productId } = await listedProduct();
    const buyer = await apiAs('buyer');
    const provider = await apiAs('provider');
    const order = await buyer.call('POST', '/orders', { productId, planId: 'once', quantity: 1 });
    await buyer.call('PUT', `/orders/${order.orderId}/requirements`, { answers: { host: '10.0.0.8' } });
    await provider.call('POST', `/orders/${order.orderId}/start`);
    await provider.call('POST', `/orders/${order.orderId}/complete`, { note: '已完成' });

    await signInAs(page, 'buyer');
    await page.goto(`/buyer/orders/${order.orderId}`);
    await page.getByRole('button', { name: '驳回验收' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: '原因' }).fill('监控未接入');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('实施中').first()).toBeVisible();
    await expect(page.getByText('监控未接入').first()).toBeVisible();
    // 申诉 is not allowed yet (nothing has stalled): it stays in place, disabled, and says why
    const appeal = page.getByRole('button', { name: '申诉' });
    await expect(appeal).toHaveAttribute('aria-disabled', 'true');
    await appeal.hover();
    await expect(page.locator('.t-popup').getByText('只有对方的处理停滞')).toBeVisible();
  });

  test('works in English: the buttons carry their English names and the API labels follow', async ({ page }) => {
    const { productId, name } = await listedProduct();
    const buyer = await apiAs('buyer');
    const order = await buyer.call('POST', '/orders', { productId, planId: 'once', quantity: 1 });
    await signInAs(page, 'buyer');
    await page.getByLabel('语言').first().click();
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Marketplace' })).toBeVisible();
    await expect(page.getByRole('button', { name: `View ${name}` })).toBeVisible();
    await page.getByRole('link', { name: 'My orders' }).click();
    await expect(page.getByRole('row').filter({ hasText: name }).first().getByText('Requirements needed')).toBeVisible();
    await page.goto(`/buyer/orders/${order.orderId}`);
    await expect(page.getByRole('button', { name: 'Submit requirements' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Appeal' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Submit requirements' })).toBeVisible();
  });
});
