import { apiAs, expect, listedProduct, signInAs, stack, test } from './support/fixtures';

/** A list page as the design system's starter has it: filters in the address, keyword, sorting, pages; the network-error page. */
test('订单管理 keeps its filters in the address, searches and sorts the page, pages by cursor; a failed read shows 网络异常', async ({ page }) => {
  const { productId, name } = await listedProduct();
  const buyer = await apiAs('buyer');
  const small = await buyer.call('POST', '/orders', { productId, planId: 'once', quantity: 1 });
  const large = await buyer.call('POST', '/orders', { productId, planId: 'once', quantity: 3 });

  await signInAs(page, 'provider');
  // a shared link with a filter, a keyword and a sort opens the same list
  await page.goto(`/provider/orders?product=${productId}&q=${name}&sort=amount:asc`);
  const rows = page.getByRole('row').filter({ hasText: name });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(small.orderId);
  await expect(page.getByText('第 1 页 · 每页 20 条')).toBeVisible();

  // sorting by amount the other way round, kept in the address and through a reload
  await page.getByRole('columnheader', { name: '金额' }).click();
  await expect(page).toHaveURL(/sort=amount%3Adesc|sort=amount:desc/);
  await page.reload();
  await expect(rows.first()).toContainText(large.orderId);

  // the keyword narrows the page in view to one order number
  await page.getByRole('textbox', { name: '关键词' }).fill(small.orderId);
  await expect(rows).toHaveCount(1);
  await expect(page).toHaveURL(new RegExp(`q=${small.orderId}`));
  await page.getByRole('textbox', { name: '关键词' }).fill('没有这样的订单');
  await expect(page.getByText('本页没有匹配的记录')).toBeVisible();

  // a filter chosen on the page goes into the address; a reload keeps it
  await page.goto('/provider/orders');
  await page.getByRole('textbox', { name: '状态' }).click();
  await page.locator('.t-select-option').filter({ hasText: '已完成' }).first().click();
  await expect(page).toHaveURL(/status=completed/);
  await page.reload();
  await expect(page.getByRole('textbox', { name: '状态' })).toHaveValue('已完成');
  await expect(page.getByRole('row').filter({ hasText: small.orderId })).toHaveCount(0);

  // a page whose read cannot reach the API: 网络异常 with 重新加载 and 返回首页
  await page.route((url) => url.origin === new URL(stack().apiUrl).origin && url.pathname.endsWith(`/orders/${small.orderId}`), (route) => route.abort());
  await page.goto(`/provider/orders/${small.orderId}`);
  await expect(page.getByRole('heading', { name: '网络异常' })).toBeVisible();
  await expect(page.getByRole('button', { name: '重新加载' })).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page.getByRole('heading', { name: '商品管理' })).toBeVisible();
});
