import { readFileSync } from 'node:fs';
import { apiAs, expect, listedProduct, signInAs, test } from './support/fixtures';

/** Files go from the browser straight to S3 (the local emulator) through the order's presigned uploads. */
test.describe('attachments', () => {
  test('the buyer uploads a file in the requirements form and with a message; the provider downloads both', async ({ page }) => {
    const { productId } = await listedProduct({
      requirementsTemplate: [
        { key: 'host', label: '服务器地址', type: 'text', required: true },
        { key: 'topology', label: '网络拓扑图', type: 'file', required: true },
      ],
    });
    const buyer = await apiAs('buyer');
    const order = await buyer.call<{ orderId: string }>('POST', '/orders', { productId, planId: 'once', quantity: 1 });

    await signInAs(page, 'buyer');
    await page.goto(`/buyer/orders/${order.orderId}`);
    await page.getByRole('textbox', { name: '服务器地址' }).fill('10.0.0.7');
    const topology = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '上传文件' }).click();
    await (await topology).setFiles({ name: 'topology.txt', mimeType: 'text/plain', buffer: Buffer.from('core-switch → web-01, web-02\n') });
    await expect(page.getByText('topology.txt').first()).toBeVisible();
    await page.getByRole('button', { name: '提交需求单' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('需求单已提交，服务商开始实施前仍可修改。')).toBeVisible();
    const saved = await buyer.call<{ requirements: { answers: Record<string, unknown> } }>('GET', `/orders/${order.orderId}`);
    expect(saved.requirements.answers.topology).toEqual(expect.any(String));

    await page.getByRole('textbox', { name: '留言内容' }).fill('补充一份访问清单');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '添加附件' }).click();
    await (await chooser).setFiles({ name: 'access-list.csv', mimeType: 'text/csv', buffer: Buffer.from('host,port\nweb-01,22\n') });
    await expect(page.getByText('access-list.csv').first()).toBeVisible();
    await page.getByRole('button', { name: '发送' }).click();
    await expect(page.locator('.conversation').getByText('补充一份访问清单')).toBeVisible();

    await page.getByRole('button', { name: /退出登录/ }).click();
    await signInAs(page, 'provider');
    await page.goto(`/provider/orders/${order.orderId}`);
    for (const [name, content] of [
      ['topology.txt', 'core-switch → web-01, web-02\n'],
      ['access-list.csv', 'host,port\nweb-01,22\n'],
    ] as const) {
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: `下载 ${name}` }).first().click();
      const file = await downloading;
      expect(file.suggestedFilename()).toBe(name);
      expect(readFileSync((await file.path())!, 'utf8')).toBe(content);
    }
  });
});
