import { apiAs, expect, listedProduct, orderWithRequirements, signInAs, test } from './support/fixtures';

test.describe('operator · 运营后台', () => {
  test('rejects a revision with a reason after reading it against the live version; the provider sees the reason', async ({ page }) => {
    const { productId, name } = await listedProduct();
    const provider = await apiAs('provider');
    await provider.call('PATCH', `/provider/products/${productId}`, { summary: '限时特惠，全网最低' });
    await provider.call('POST', `/provider/products/${productId}/submit`);

    await signInAs(page, 'operator');
    await page.goto('/operator/reviews');
    await page.getByRole('button', { name: `审核 ${name}` }).click();
    await expect(page.getByText('修改已上架商品').first()).toBeVisible();
    await expect(page.getByText('1 处改动')).toBeVisible();
    const diff = page.getByRole('table', { name: '待审核版本' }).or(page.locator('.diff-table')).first();
    await expect(diff.locator('ins', { hasText: '限时特惠，全网最低' })).toBeVisible();
    await page.getByRole('switch', { name: '只看改动' }).click();
    await expect(diff.getByText('商品简介')).toBeVisible();
    await expect(diff.getByText('商品名称')).toHaveCount(0);

    await page.getByRole('button', { name: '驳回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '原因' }).fill('简介请勿包含营销用语');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await expect(page.getByRole('heading', { name: '商品审核' })).toBeVisible();
    await expect(page.getByRole('button', { name: `审核 ${name}` })).toHaveCount(0);

    await signInAs(page, 'provider');
    await page.goto(`/provider/products/${productId}`);
    await expect(page.getByText('简介请勿包含营销用语').first()).toBeVisible();
  });

  test('refuses to approve a revision edited after it was opened, and says why', async ({ page }) => {
    const { productId, name } = await listedProduct();
    const provider = await apiAs('provider');
    await provider.call('PATCH', `/provider/products/${productId}`, { summary: '第一次修改' });
    await provider.call('POST', `/provider/products/${productId}/submit`);

    await signInAs(page, 'operator');
    await page.goto('/operator/reviews');
    await page.getByRole('button', { name: `审核 ${name}` }).click();
    await expect(page.locator('ins', { hasText: '第一次修改' })).toBeVisible();
    // meanwhile the provider withdraws, edits and submits again
    await provider.call('POST', `/provider/products/${productId}/withdraw`);
    await provider.call('PATCH', `/provider/products/${productId}`, { summary: '第二次修改' });
    await provider.call('POST', `/provider/products/${productId}/submit`);

    // the live notice refetches the submission; the page keeps the version read and says it changed
    await expect(page.getByText('此商品在你打开后有了改动')).toBeVisible();
    await expect(page.locator('ins', { hasText: '第一次修改' })).toBeVisible();
    await page.getByRole('button', { name: '通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '通过' }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText('409');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '查看最新版本' }).click();
    await expect(page.locator('ins', { hasText: '第二次修改' })).toBeVisible();
  });

  test('delist → relist: the product leaves the catalogue and comes back after review', async ({ page }) => {
    const { productId, name } = await listedProduct();
    await signInAs(page, 'provider');
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: '下架' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(row.getByText('已下架')).toBeVisible();

    await signInAs(page, 'buyer');
    await expect(page.getByRole('heading', { name: '服务市场' })).toBeVisible();
    await expect(page.getByRole('button', { name: `查看 ${name}` })).toHaveCount(0);

    await signInAs(page, 'provider');
    await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: '上架' }).click();
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect(page.getByText('审核中').first()).toBeVisible();

    await signInAs(page, 'operator');
    await page.getByRole('link', { name: '商品审核' }).click();
    // a delisted product coming back is a relist, not a change to a listed one
    await expect(page.getByRole('row').filter({ hasText: name }).getByText('重新上架')).toBeVisible();
    await page.getByRole('button', { name: `审核 ${name}` }).click();
    await page.getByRole('button', { name: '通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '通过' }).click();
    await expect(page.getByRole('heading', { name: '商品审核' })).toBeVisible();

    await signInAs(page, 'buyer');
    await page.getByRole('button', { name: `查看 ${name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/catalog/${productId}$`));
  });

  test('resolves an appeal after reading the whole record and conversation', async ({ page }) => {
    test.setTimeout(180_000);
    const { orderId, product } = await orderWithRequirements();
    const provider = await apiAs('provider');
    const buyer = await apiAs('buyer');
    await provider.call('POST', `/orders/${orderId}/start`);
    // three rejected completions open the appeal
    for (let i = 1; i <= 3; i += 1) {
      await provider.call('POST', `/orders/${orderId}/complete`, { note: `第 ${i} 次交付` });
      await buyer.call('POST', `/orders/${orderId}/reject-completion`, { reason: `第 ${i} 次验收未通过` });
    }

    // 用户 · 申诉 (with its confirmation and reason)
    await signInAs(page, 'buyer');
    await page.goto(`/buyer/orders/${orderId}`);
    await page.getByRole('button', { name: '申诉' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: '原因' }).fill('三次交付均未解决问题');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('申诉中').first()).toBeVisible();

    // 运营 · 申诉处理 → 处理 → 裁决
    await signInAs(page, 'operator');
    await page.getByRole('link', { name: '申诉处理' }).click();
    const row = page.getByRole('row').filter({ hasText: product.name });
    await row.getByRole('button', { name: /^处理/ }).click();
    await expect(page.getByText('申诉：三次交付均未解决问题')).toBeVisible();
    for (const reason of ['第 1 次验收未通过', '第 2 次验收未通过', '第 3 次验收未通过']) await expect(page.getByText(reason).first()).toBeVisible();
    await page.getByRole('button', { name: '裁决' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('取消并退款', { exact: true }).click();
    await dialog.getByRole('textbox', { name: '裁决说明' }).fill('服务商未能交付，全额退款');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('裁决结果：取消并退款').first()).toBeVisible();
    // the record names the ruling as the ruling, not as a delivery note
    await expect(page.getByText('裁决说明：服务商未能交付，全额退款')).toBeVisible();
    await expect(page.getByText('交付说明：服务商未能交付')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '裁决' })).toHaveCount(0);

    await signInAs(page, 'buyer');
    await page.goto(`/buyer/orders/${orderId}`);
    await expect(page.getByText('已取消（已退款）').first()).toBeVisible();
    await expect(page.getByText('服务商未能交付，全额退款').first()).toBeVisible();
  });

  test('finds a product by status and takes it down with a reason', async ({ page }) => {
    const { name } = await listedProduct();
    await signInAs(page, 'operator');
    await page.getByRole('link', { name: '订单与商品查询' }).click();
    await page.getByRole('tab', { name: '商品' }).click();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: '违规下架' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '原因' }).fill('描述与实际服务不符');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(row.getByText('已下架')).toBeVisible();
  });
});
