import { apiAs, expect, signInAs, test } from './support/fixtures';

/** The provider guide's whole journey, each role in its own console, through the UI only. */
test.describe('the guide’s journey through the console', () => {
  test('provider creates, operator approves, buyer buys and submits requirements, provider starts, completes and urges, buyer confirms and rates', async ({ page }) => {
    test.setTimeout(240_000);
    const name = `全程商品${Date.now() % 100000}`;

    // 服务商 · 商品接入 → 提交
    await signInAs(page, 'provider');
    await page.getByRole('button', { name: '商品接入' }).click();
    await page.getByRole('textbox', { name: '商品名称' }).fill(name);
    await page.getByRole('textbox', { name: '商品分类' }).fill('运维服务');
    const tags = page.getByRole('textbox', { name: '标签' });
    await tags.fill('nginx');
    await tags.press('Enter');
    await page.getByRole('textbox', { name: 'Logo 地址' }).fill('https://cdn.example.com/logo.png');
    await page.getByRole('textbox', { name: '商品简介' }).fill('Nginx 配置审查与调优');
    await page.getByRole('textbox', { name: '商品详情（Markdown）' }).fill('## 服务内容\n调优与压测报告');
    await page.getByRole('textbox', { name: '规格名称 1' }).fill('单次服务');
    await page.getByRole('textbox', { name: '原价（元） 1' }).fill('500');
    await page.getByRole('textbox', { name: '售价（元） 1' }).fill('399');
    await page.getByRole('button', { name: '添加字段' }).click();
    await page.getByRole('textbox', { name: '字段标识 1' }).fill('host');
    await page.getByRole('textbox', { name: '字段名称 1' }).fill('服务器地址');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByText('审核中').first()).toBeVisible();

    // 运营 · 商品审核 → 通过 (the version reviewed)
    await signInAs(page, 'operator');
    await page.getByRole('link', { name: '商品审核' }).click();
    await page.getByRole('button', { name: `审核 ${name}` }).click();
    await expect(page.getByRole('heading', { name: `审核 · ${name}` })).toBeVisible();
    await expect(page.getByText('新商品')).toBeVisible();
    await page.getByRole('button', { name: '通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '通过' }).click();
    await expect(page.getByRole('heading', { name: '商品审核' })).toBeVisible();
    await expect(page.getByRole('button', { name: `审核 ${name}` })).toHaveCount(0);

    // 用户 · 服务市场 → 查看 → 购买
    await signInAs(page, 'buyer');
    await expect(page.getByRole('heading', { name: '服务市场' })).toBeVisible();
    await page.getByRole('button', { name: `查看 ${name}` }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByRole('heading', { name: '服务内容' })).toBeVisible();
    await page.getByRole('button', { name: '购买 单次服务' }).click();
    const buy = page.getByRole('dialog');
    await buy.getByRole('spinbutton', { name: '数量' }).or(buy.getByRole('textbox', { name: '数量' })).fill('2');
    await expect(buy.getByText('¥798.00')).toBeVisible();
    await buy.getByRole('button', { name: '确定' }).click();
    await expect(page).toHaveURL(/\/buyer\/orders\/[0-9A-Z]+$/);
    const orderId = page.url().split('/').pop()!;
    await expect(page.getByText('待提交需求单').first()).toBeVisible();

    // 用户 · 提交需求单
    await page.getByRole('textbox', { name: '服务器地址' }).fill('10.0.0.8');
    await page.getByRole('button', { name: '提交需求单' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('需求单已提交，服务商开始实施前仍可修改。')).toBeVisible();

    // 服务商 · 开始实施 → 实施完成 (note) → 催促
    await signInAs(page, 'provider');
    await page.goto(`/provider/orders/${orderId}`);
    await expect(page.getByText('10.0.0.8')).toBeVisible();
    await page.getByRole('button', { name: '开始实施' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '实施完成' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: '交付说明' }).fill('Nginx 已调优，压测报告已上传');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '催促' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('上次催促')).toBeVisible();

    // 用户 · 确认完成 → 评价
    await signInAs(page, 'buyer');
    await page.getByRole('link', { name: '已购服务' }).click();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.getByText('待确认完成')).toBeVisible();
    await row.getByRole('button', { name: /^查看/ }).click();
    await expect(page.getByText('Nginx 已调优，压测报告已上传').first()).toBeVisible();
    await page.getByRole('button', { name: '确认完成' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('分配完成').first()).toBeVisible();
    const rating = page.getByRole('slider', { name: '评分' });
    await rating.focus();
    for (let i = 0; i < 5; i += 1) await rating.press('ArrowRight');
    await expect(rating).toHaveAttribute('aria-valuenow', '5');
    await page.getByRole('textbox', { name: '评价内容（可选）' }).fill('响应快，报告清楚');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect(page.getByText('你的评价')).toBeVisible();

    // the record holds every step with the buyer's own names for the status
    for (const step of ['下单', '提交需求单', '开始实施', '实施完成', '催促', '确认完成']) await expect(page.getByText(step, { exact: true }).first()).toBeVisible();
    await expect(page.getByText('待确认完成 → 分配完成')).toBeVisible();

    // the product page shows the rating
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByText('1 条评价')).toBeVisible();
    await expect(page.getByRole('list', { name: '用户评价' }).getByText('响应快，报告清楚')).toBeVisible();

    const buyer = await apiAs('buyer');
    const order = await buyer.call('GET', `/orders/${orderId}`);
    expect(order.status).toBe('completed');
    expect(order.amount).toBe(79800);
  });
});
