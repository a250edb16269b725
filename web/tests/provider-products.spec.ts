import { apiAs, expect, listedProduct, productContent, signInAs, test } from './support/fixtures';

test.describe('provider · 商品管理', () => {
  test('creates a product with the form, submits it and sees it in review', async ({ page }) => {
    await signInAs(page, 'provider');
    await expect(page.getByRole('heading', { name: '商品管理' })).toBeVisible();
    await page.getByRole('button', { name: '商品接入' }).click();

    const name = `表单商品${Date.now() % 100000}`;
    await page.getByRole('textbox', { name: '商品名称' }).fill(name);
    await page.getByRole('textbox', { name: '商品分类' }).fill('运维服务');
    const tags = page.getByRole('textbox', { name: '标签' });
    await tags.fill('nginx');
    await tags.press('Enter');
    await page.getByRole('textbox', { name: 'Logo 地址' }).fill('https://cdn.example.com/logo.png');
    await page.getByRole('textbox', { name: '商品简介' }).fill('Nginx 配置审查与调优');
    await page.getByRole('textbox', { name: '商品详情（Markdown）' }).fill('## 服务内容\n调优与压测报告');
    await page.getByText('预览', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '服务内容' })).toBeVisible();

    await page.getByRole('textbox', { name: '规格名称 1' }).fill('单次服务');
    await page.getByRole('textbox', { name: '原价（元） 1' }).fill('500');
    await page.getByRole('textbox', { name: '售价（元） 1' }).fill('399');

    await page.getByRole('button', { name: '添加字段' }).click();
    await page.getByRole('textbox', { name: '字段标识 1' }).fill('host');
    await page.getByRole('textbox', { name: '字段名称 1' }).fill('服务器地址');

    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByText('审核中').first()).toBeVisible();

    await page.getByRole('link', { name: '商品管理' }).click();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.getByText('审核中')).toBeVisible();
    await expect(row.getByRole('button', { name: '撤销审核' })).toBeVisible();
  });

  test('checks the form with the API’s rules in readable words, clears each as it is fixed, and asks before Back discards it', async ({ page }) => {
    await signInAs(page, 'provider');
    await page.getByRole('button', { name: '商品接入' }).click();
    await page.getByRole('textbox', { name: '商品名称' }).fill('缺少字段的商品');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.getByText('请修正标出的字段')).toBeVisible();
    const category = page.getByRole('textbox', { name: '商品分类' });
    await expect(category).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: '商品名称' })).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('不能为空').first()).toBeVisible();
    await expect(page.locator('main, section').first()).not.toContainText(/期望|string|数值过小|errors/);
    // the message leaves as soon as its field is fixed
    await category.fill('运维服务');
    await expect(category).not.toHaveAttribute('aria-invalid', 'true');
    // Back with unsaved changes asks first; staying keeps them
    await page.goBack();
    const dialog = page.getByRole('dialog', { name: '有未保存的修改' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '继续编辑' }).click();
    await expect(category).toHaveValue('运维服务');
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('dialog', { name: '有未保存的修改' }).getByRole('button', { name: '离开' }).click();
    await expect(page.getByRole('heading', { name: '商品管理' })).toBeVisible();
  });

  test('shows a rejected revision with its reason', async ({ page }) => {
    const { productId, name } = await listedProduct();
    const provider = await apiAs('provider');
    const operator = await apiAs('operator');
    await provider.call('PATCH', `/provider/products/${productId}`, { summary: '限时特惠，全网最低' });
    const submitted = await provider.call<{ version: number }>('POST', `/provider/products/${productId}/submit`);
    await operator.call('POST', `/operator/products/${productId}/reject`, { reason: '简介请勿包含营销用语', version: submitted.version });

    await signInAs(page, 'provider');
    await page.goto(`/provider/products/${productId}`);
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByText('简介请勿包含营销用语').first()).toBeVisible();
    await expect(page.getByText('已上架').first()).toBeVisible();
    await expect(page.getByText('审核驳回').first()).toBeVisible();
    // the live version stays beside the rejected revision
    await expect(page.getByText('服务器巡检与调优')).toBeVisible();
    await expect(page.getByText('限时特惠，全网最低')).toBeVisible();
    // 查看 (the buyers' page) leads the provider back to its product, not to a catalogue it cannot open
    await page.goto(`/catalog/${productId}`);
    await page.getByRole('link', { name: '← 返回商品管理' }).click();
    await expect(page).toHaveURL(new RegExp(`/provider/products/${productId}$`));
    await expect(page.getByRole('heading', { name })).toBeVisible();
  });

  test('delists with a confirmation while a revision is in review, then relists through 修改 → 提交', async ({ page }) => {
    const { productId, name } = await listedProduct();
    const provider = await apiAs('provider');
    await provider.call('PATCH', `/provider/products/${productId}`, { summary: '审核中的修改' });
    await provider.call('POST', `/provider/products/${productId}/submit`);
    await signInAs(page, 'provider');
    const row = page.getByRole('row').filter({ hasText: name });
    // exactly the API's actions for a listed product with a revision in review
    await expect(row.getByRole('button', { name: '撤销审核' })).toBeVisible();
    await expect(row.getByRole('button', { name: '修改' })).toHaveCount(0);
    await expect(row.getByRole('button', { name: '删除' })).toHaveCount(0);
    await row.getByRole('button', { name: '下架' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('确定下架吗');
    await expect(dialog).toContainText('审核中的修改会一并撤销审核');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(row.getByText('已下架')).toBeVisible();

    await row.getByRole('button', { name: '上架' }).click();
    await expect(page.getByText('已下架的商品通过 修改 → 提交 重新上架')).toBeVisible();
    // the form shows the listing as it is, every control holding its value
    await expect(page.getByRole('textbox', { name: '商品名称' })).toHaveValue(name);
    await expect(page.getByRole('textbox', { name: '商品简介' })).toHaveValue('审核中的修改');
    await expect(page.getByRole('textbox', { name: '规格名称 1' })).not.toHaveValue('');
    await expect(page.getByRole('textbox', { name: '交付时长（天）' })).not.toHaveValue('');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByText('审核中').first()).toBeVisible();
  });

  test('editing a product refreshes every view of it, without a reload', async ({ page }) => {
    const provider = await apiAs('provider');
    const content = productContent();
    const { productId } = await provider.call<{ productId: string }>('POST', '/provider/products', content);
    const renamed = `${content.name}（改）`;
    await signInAs(page, 'provider');
    // the list, the detail and the form are read once each, and kept in the console's cache
    const row = page.getByRole('row').filter({ hasText: content.name });
    await row.getByRole('button', { name: '详情' }).click();
    await expect(page).toHaveURL(new RegExp(`/provider/products/${productId}$`));
    await expect(page.getByRole('heading', { name: content.name })).toBeVisible();
    await page.getByRole('button', { name: '修改' }).click();
    await page.getByRole('textbox', { name: '商品名称' }).fill(renamed);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.getByRole('heading', { name: renamed })).toBeVisible();
    await page.evaluate(() => Reflect.set(globalThis, 'sameDocument', true));

    // back through the history: the form, the detail and the list show the new name
    await page.goBack();
    await expect(page.getByRole('textbox', { name: '商品名称' })).toHaveValue(renamed);
    await page.goBack();
    await expect(page.getByRole('heading', { name: renamed })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { name: '商品管理' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: renamed })).toHaveCount(1);
    await expect(page.getByRole('row').filter({ hasText: content.name }).filter({ hasNotText: renamed })).toHaveCount(0);
    // the same document all along: no reload brought the new name
    expect(await page.evaluate(() => Reflect.get(globalThis, 'sameDocument'))).toBe(true);
  });

  test('deletes a never-listed draft after confirming', async ({ page }) => {
    const provider = await apiAs('provider');
    const content = productContent();
    await provider.call('POST', '/provider/products', content);
    await signInAs(page, 'provider');
    const row = page.getByRole('row').filter({ hasText: content.name });
    await row.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(row).toHaveCount(0);
  });
});
