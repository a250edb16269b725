import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { apiAs, apiHas, expect, listedProduct, pendingApplication, productContent, signInAs, test } from './support/fixtures';

/** `npm run screenshots` (with screenshots.spec.ts): the buyer's and the operator's main pages, zh and en, 1280 and 390 px. */
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 (npm run screenshots)');

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');
type Lang = 'zh' | 'en';

/** A call that may not exist on this branch yet (issue-9 routes): the screenshots do without it. */
const optional = async (call: Promise<unknown>) => call.catch(() => undefined);

const setLanguage = async (page: Page, lang: Lang) => {
  await page.evaluate(`localStorage.setItem('console.lang', '${lang === 'en' ? 'en-US' : 'zh-CN'}')`);
};

/** The page has laid itself out again after a change of width: two frames, then no CSS transition running (the menu folding). */
const relaid = async (page: Page) => {
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await page.waitForFunction(() => {
    const g = globalThis as any;
    return g.document.getAnimations().every((a: any) => !(a instanceof g.CSSTransition) || a.playState !== 'running');
  });
};

/** Opens a page, waits until nothing loads, and writes `<role>-<name>.<lang>.png` at 1280 px and `…-phone…` at 390 px. */
const shoot = async (page: Page, lang: Lang, file: string, path: string, ready: (page: Page) => Promise<unknown>) => {
  await page.goto(path);
  await ready(page);
  await expect(page.locator('.t-loading')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(OUT, `${file}.${lang}.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await relaid(page);
  await page.screenshot({ path: join(OUT, `${file}-phone.${lang}.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await relaid(page);
};

test('buyer and operator pages, zh and en', async ({ page }) => {
  test.setTimeout(600_000);
  // Arrange: a listed product with ratings, a listed one with a pending revision, a new one in review,
  // and the buyer's orders in the statuses the pages show.
  const provider = await apiAs('provider');
  const buyer = await apiAs('buyer');
  const operator = await apiAs('operator');
  const nginx = await listedProduct({
    name: 'Nginx 性能调优',
    summary: 'Nginx 配置审查、调优与压测报告，适合高并发网站',
    description: '## 服务内容\n- 配置审查与安全加固\n- 性能调优（worker、缓存、TLS）\n- 压测报告\n\n## 交付\n调优后的配置与报告。',
    tags: ['nginx', '性能'],
    plans: [
      { planId: 'once', name: '单次服务', duration: 1, unit: 'times', listPrice: 50000, price: 39900 },
      { planId: 'month', name: '包月托管', duration: 1, unit: 'month', listPrice: 300000, price: 259900 },
    ],
    requirementsTemplate: [
      { key: 'host', label: '服务器地址', type: 'text', required: true },
      { key: 'cores', label: 'CPU 核数', type: 'number', required: true },
      { key: 'backup', label: '是否需要备份', type: 'boolean', required: false },
      { key: 'os', label: '操作系统', type: 'select', required: true, options: ['Ubuntu', 'CentOS', 'Debian'] },
    ],
  });
  const mysql = await listedProduct({ name: 'MySQL 数据迁移', serviceType: 'ops_service', summary: 'MySQL 跨云迁移，停机时间小于 5 分钟', tags: ['数据库', '迁移'] });
  await provider.call('PATCH', `/provider/products/${mysql.productId}`, { summary: 'MySQL/PostgreSQL 跨云迁移，停机时间小于 1 分钟', deliveryDays: 3 });
  await provider.call('POST', `/provider/products/${mysql.productId}/submit`);
  await listedProduct({ name: '企业官网定制开发', serviceType: 'custom_dev', summary: '响应式企业官网，含后台管理', tags: ['网站'] });
  const k8s = await provider.call('POST', '/provider/products', productContent({ name: 'Kubernetes 集群巡检', summary: '集群健康检查与风险报告', tags: ['k8s'] }));
  await provider.call('POST', `/provider/products/${k8s.productId}/submit`);

  const buy = async (productId: string) => (await buyer.call('POST', '/orders', { productId, planId: 'once', quantity: 1 })).orderId as string;
  const answers = { host: '10.0.0.8', cores: 8, backup: true, os: 'Ubuntu' };
  const fresh = await buy(nginx.productId);
  const delivered = await buy(nginx.productId);
  await buyer.call('PUT', `/orders/${delivered}/requirements`, { answers });
  await optional(buyer.call('POST', `/orders/${delivered}/messages`, { text: '请在周五晚上 22 点后操作，白天是业务高峰。' }));
  await optional(provider.call('POST', `/orders/${delivered}/messages`, { text: '收到，周五 22:30 开始，预计 2 小时。' }));
  await provider.call('POST', `/orders/${delivered}/start`);
  await provider.call('POST', `/orders/${delivered}/complete`, { note: '已完成配置加固与调优，QPS 由 8k 提升到 21k，压测报告见附件说明。' });
  const done = await buy(nginx.productId);
  await buyer.call('PUT', `/orders/${done}/requirements`, { answers });
  await provider.call('POST', `/orders/${done}/start`);
  await provider.call('POST', `/orders/${done}/complete`, { note: '调优完成' });
  await buyer.call('POST', `/orders/${done}/confirm`);
  await optional(buyer.call('POST', `/orders/${done}/review`, { rating: 5, comment: '响应很快，报告清楚，QPS 提升明显。' }));
  const disputed = await buy(mysql.productId);
  await buyer.call('PUT', `/orders/${disputed}/requirements`, { answers: { host: 'db.internal:3306' } });
  await optional(buyer.call('POST', `/orders/${disputed}/messages`, { text: '迁移后订单表少了 1,204 行，请核对。' }));
  await provider.call('POST', `/orders/${disputed}/start`);
  for (let i = 1; i <= 3; i += 1) {
    await provider.call('POST', `/orders/${disputed}/complete`, { note: `第 ${i} 次交付：迁移完成` });
    await buyer.call('POST', `/orders/${disputed}/reject-completion`, { reason: `第 ${i} 次验收：数据行数不一致` });
  }
  await buyer.call('POST', `/orders/${disputed}/appeal`, { reason: '三次交付数据都不完整，服务商无法解决' });
  void operator;

  for (const lang of ['zh', 'en'] as const) {
    const heading = (zh: string, en: string) => (p: Page) => expect(p.getByRole('heading', { name: lang === 'zh' ? zh : en }).first()).toBeVisible();

    await signInAs(page, 'buyer');
    await setLanguage(page, lang);
    await shoot(page, lang, 'buyer-catalog', '/catalog', heading('服务市场', 'Marketplace'));
    await shoot(page, lang, 'buyer-product', `/catalog/${nginx.productId}`, heading('Nginx 性能调优', 'Nginx 性能调优'));
    await shoot(page, lang, 'buyer-purchases', '/buyer/orders', heading('已购服务', 'My orders'));
    await shoot(page, lang, 'buyer-requirements', `/buyer/orders/${fresh}`, (p) => expect(p.getByRole('button', { name: lang === 'zh' ? '提交需求单' : 'Submit requirements' })).toBeVisible());
    await shoot(page, lang, 'buyer-order', `/buyer/orders/${delivered}`, (p) => expect(p.getByRole('button', { name: lang === 'zh' ? '确认完成' : 'Confirm completion' })).toBeVisible());
    await shoot(page, lang, 'buyer-completed', `/buyer/orders/${done}`, heading('Nginx 性能调优', 'Nginx 性能调优'));

    await signInAs(page, 'operator');
    await setLanguage(page, lang);
    await shoot(page, lang, 'operator-reviews', '/operator/reviews', heading('商品审核', 'Product reviews'));
    await shoot(page, lang, 'operator-review-diff', `/operator/reviews/${mysql.productId}`, (p) => expect(p.getByRole('button', { name: lang === 'zh' ? '通过' : 'Approve' })).toBeVisible());
    await shoot(page, lang, 'operator-appeals', '/operator/appeals', (p) => expect(p.getByRole('row').filter({ hasText: '三次交付' }).first()).toBeVisible());
    await shoot(page, lang, 'operator-appeal', `/operator/orders/${disputed}`, (p) => expect(p.getByRole('button', { name: lang === 'zh' ? '裁决' : 'Resolve' })).toBeVisible());
    await shoot(page, lang, 'operator-search', '/operator/search', heading('订单与商品查询', 'Orders and products'));

  }
});

test('accounts, applications and organisations, zh and en', async ({ page }) => {
  test.setTimeout(600_000);
  const applicant = await apiAs('provider2');
  const application = apiHas('/provider-applications/licences') ? ((await pendingApplication(applicant)) as { applicationId: string }) : undefined;
  for (const lang of ['zh', 'en'] as const) {
    const heading = (zh: string, en: string) => (p: Page) => expect(p.getByRole('heading', { name: lang === 'zh' ? zh : en }).first()).toBeVisible();
    await page.goto('/signin');
    await setLanguage(page, lang);
    await shoot(page, lang, 'register', '/register', heading('注册账号', 'Create an account'));

    await signInAs(page, 'buyer');
    await setLanguage(page, lang);
    await shoot(page, lang, 'settings', '/settings', heading('个人设置', 'Settings'));
    if (application) await shoot(page, lang, 'apply', '/apply', heading('服务商入驻', 'Become a provider'));

    if (apiHas('/provider/members')) {
      await signInAs(page, 'provider');
      await setLanguage(page, lang);
      await shoot(page, lang, 'provider-members', '/provider/members', heading('成员管理', 'Members'));
    }

    await signInAs(page, 'operator');
    await setLanguage(page, lang);
    if (application) {
      await shoot(page, lang, 'operator-applications', '/operator/applications', heading('入驻审核', 'Provider applications'));
      await shoot(page, lang, 'operator-application', `/operator/applications/${application.applicationId}`, (p) =>
        expect(p.getByRole('button', { name: lang === 'zh' ? '通过' : 'Approve' })).toBeVisible(),
      );
    }
    await shoot(page, lang, 'operator-providers', '/operator/providers', heading('服务商管理', 'Providers'));
  }
});
