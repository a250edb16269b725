import { join } from 'node:path';
import { expect, listedProduct, signInAs, test } from './support/fixtures';

/**
 * 兑换码交付 end to end (spec 3.1, 10): the provider uploads codes on the product's 兑换码 page (paste, with a
 * duplicate refused, then a file), a buyer buys the code product, clicks 查看兑换码 and sees the code, and the
 * provider sees the order against the code's masked hint, never the code.
 */
const SHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

test.describe('redemption codes', () => {
  test('uploaded by the provider, bought and revealed by a buyer, traced by the provider', async ({ page }) => {
    const tag = `${Date.now() % 100000}`;
    const code = `CODE-${tag}-AAAA-7Q2X`;
    const { productId, name } = await listedProduct({
      name: `正版授权 ${tag}`,
      serviceType: 'software',
      delivery: 'code',
      category: '软件授权',
      plans: [
        { planId: 'year', name: '一年授权', duration: 1, unit: 'year', listPrice: 12_000, price: 9_900 },
        { planId: 'team', name: '团队版', duration: 1, unit: 'year', listPrice: 50_000, price: 45_000 },
      ],
      requirementsTemplate: [],
      requirementsBeforeStart: false,
    });

    // 服务商 · 商品管理 → the product → 兑换码
    await signInAs(page, 'provider');
    await page.goto(`/provider/products/${productId}`);
    await page.getByRole('button', { name: '兑换码' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/provider/products/${productId}/codes$`));
    await expect(page.getByRole('heading', { name: `兑换码 · ${name}` })).toBeVisible();

    // paste two codes and a repeat: refused by line, nothing added; drop it and upload again
    await page.getByRole('textbox', { name: '兑换码' }).fill([code, `CODE-${tag}-BBBB-9K3M`, code].join('\n'));
    await expect(page.getByText('识别到 3 个兑换码')).toBeVisible();
    await page.getByRole('button', { name: '上传', exact: true }).click();
    const refused = page.getByRole('row').filter({ hasText: code });
    await expect(refused).toContainText('3');
    await page.getByRole('button', { name: '移除以上兑换码后重新上传' }).click();
    await expect(page.getByText('识别到 2 个兑换码')).toBeVisible();
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect(page.getByText('已添加 2 个兑换码')).toBeVisible();

    // a .txt file of three more, one per line
    await page.locator('.t-radio-button').filter({ hasText: '上传文件' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'codes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([`FILE-${tag}-0001`, `FILE-${tag}-0002`, `FILE-${tag}-0003`, ''].join('\r\n')),
    });
    await expect(page.getByText('识别到 3 个兑换码')).toBeVisible();
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect(page.getByText('已添加 3 个兑换码')).toBeVisible();
    const yearRow = page.getByRole('row').filter({ hasText: '一年授权' });
    await expect(yearRow).toContainText('5');
    await expect(yearRow).toContainText('库存不足');

    // 用户 · the product page → 购买 一年授权 → 查看兑换码: the first code uploaded
    await signInAs(page, 'buyer');
    await page.goto(`/catalog/${productId}`);
    await page.getByRole('button', { name: '购买 一年授权' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page).toHaveURL(/\/buyer\/orders\/[0-9A-Z]+$/);
    const orderId = page.url().split('/').pop()!;
    await page.getByRole('button', { name: '查看兑换码' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByTestId('redemption-code')).toHaveText(code);

    // 服务商: the code's hint against the order, never the code
    await signInAs(page, 'provider');
    await page.goto(`/provider/products/${productId}/codes`);
    const sold = page.getByRole('row').filter({ hasText: orderId });
    await expect(sold).toContainText('••••7Q2X');
    await expect(page.getByText(code)).toHaveCount(0);
    await expect(page.getByRole('row').filter({ hasText: '一年授权' })).toContainText('4');

    if (process.env.SCREENSHOTS) {
      for (const lang of ['zh', 'en'] as const) {
        await page.evaluate(`localStorage.setItem('console.lang', '${lang === 'en' ? 'en-US' : 'zh-CN'}')`);
        await page.reload();
        await expect(page.getByRole('row').filter({ hasText: orderId })).toBeVisible();
        await page.screenshot({ path: join(SHOTS, `provider-codes.${lang}.png`), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(SHOTS, `provider-codes-phone.${lang}.png`), fullPage: true });
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      await page.evaluate("localStorage.setItem('console.lang', 'zh-CN')");
    }
  });
});
