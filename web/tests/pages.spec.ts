import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { apiAs, apiHas, expect, listedProduct, pendingApplication, productContent, signInAs, test, type ConsoleRole } from './support/fixtures';

/**
 * Every page of the three roles, in Chinese and English, at 1280 px and at a phone's 390 px: no page scrolls
 * sideways, no short value (an order number, a time, a status) wraps in a table or a description list, the
 * 操作 column of a list stays on screen, and at 1280 px axe finds no serious or critical violation. One signed-in
 * context per role; pages are opened inside the single-page app (no reload) once each language is set.
 */
type Role = ConsoleRole | 'guest';
interface PageSpec {
  path: string;
  /** How the page's h1 starts in each language: the page is ready when it shows and nothing loads. */
  h1: [string, string];
}

interface Fixture {
  /** A pending application (入驻), once the API has the routes. */
  applicationId?: string;
  productId: string;
  productName: string;
  reviewId: string;
  reviewName: string;
  openOrder: string;
  doneOrder: string;
}

/** A page whose API is on its way is checked once the API document has its routes. */
const ifApi = (paths: string[], spec: PageSpec): PageSpec[] => (apiHas(...paths) ? [spec] : []);

const pagesOf = (f: Fixture): Record<Role, PageSpec[]> => ({
  guest: [
    { path: '/signin', h1: ['登录云市场控制台', 'Sign in to the marketplace console'] },
    { path: '/register', h1: ['注册账号', 'Create an account'] },
    { path: '/invitations/not-a-real-token', h1: ['加入服务商', 'Join a provider'] },
  ],
  provider: [
    { path: '/provider/products', h1: ['商品管理', 'Products'] },
    { path: '/provider/products/new', h1: ['商品接入', 'New product'] },
    { path: `/provider/products/${f.productId}`, h1: [f.productName, f.productName] },
    { path: `/provider/products/${f.productId}/edit`, h1: ['修改商品 · ', 'Edit product · '] },
    { path: '/provider/orders', h1: ['订单管理', 'Orders'] },
    { path: `/provider/orders/${f.doneOrder}`, h1: ['订单详情 · ', 'Order details · '] },
    { path: `/provider/orders/${f.openOrder}`, h1: ['订单详情 · ', 'Order details · '] },
    { path: '/provider/dashboard', h1: ['数据概览', 'Dashboard'] },
    { path: '/provider/webhook', h1: ['Webhook 设置', 'Webhook'] },
    // SaaS 接入
    { path: '/provider/saas', h1: ['SaaS 接入设置', 'SaaS integration'] },
    { path: '/provider/saas-calls', h1: ['SaaS 调用记录', 'SaaS calls'] },
    { path: `/products/${f.productId}`, h1: [f.productName, f.productName] },
    { path: '/inbox', h1: ['站内信', 'Inbox'] },
    { path: '/no-such-page', h1: ['页面不存在', 'Page not found'] },
    ...ifApi(['/me'], { path: '/settings', h1: ['个人设置', 'Settings'] }),
    ...ifApi(['/provider/members', '/provider/invitations'], { path: '/provider/members', h1: ['成员管理', 'Members'] }),
  ],
  buyer: [
    { path: '/catalog', h1: ['服务市场', 'Marketplace'] },
    { path: `/catalog/${f.productId}`, h1: [f.productName, f.productName] },
    { path: '/buyer/orders', h1: ['已购服务', 'My orders'] },
    { path: `/buyer/orders/${f.openOrder}`, h1: [f.productName, f.productName] },
    { path: `/buyer/orders/${f.doneOrder}`, h1: [f.productName, f.productName] },
    { path: '/inbox', h1: ['站内信', 'Inbox'] },
    { path: '/provider/orders', h1: ['无权访问', 'No access'] },
    ...ifApi(['/provider-applications/mine'], { path: '/apply', h1: ['服务商入驻', 'Become a provider'] }),
    ...ifApi(['/me'], { path: '/settings', h1: ['个人设置', 'Settings'] }),
  ],
  operator: [
    { path: '/operator/reviews', h1: ['商品审核', 'Product reviews'] },
    { path: `/operator/reviews/${f.reviewId}`, h1: [`审核 · ${f.reviewName}`, `Review · ${f.reviewName}`] },
    { path: '/operator/appeals', h1: ['申诉处理', 'Appeals'] },
    { path: `/operator/orders/${f.doneOrder}`, h1: [f.productName, f.productName] },
    { path: '/operator/search', h1: ['订单与商品查询', 'Orders and products'] },
    { path: '/operator/search?tab=products', h1: ['订单与商品查询', 'Orders and products'] },
    { path: '/inbox', h1: ['站内信', 'Inbox'] },
    ...ifApi(['/operator/provider-applications'], { path: '/operator/applications', h1: ['入驻审核', 'Provider applications'] }),
    ...(f.applicationId ? [{ path: `/operator/applications/${f.applicationId}`, h1: ['入驻审核 · ', 'Application · '] as [string, string] }] : []),
    ...ifApi(['/operator/providers'], { path: '/operator/providers', h1: ['服务商管理', 'Providers'] }),
  ],
  provider2: [],
});

const LANGS = ['zh-CN', 'en-US'] as const;

// a trace would record every page's axe run (half a megabyte of script each): these checks report their own findings
test.use({ trace: 'off', screenshot: 'off' });

let fixture: Fixture;
const states: Partial<Record<Role, Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>>> = {};

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const { productId, name: productName } = await listedProduct();
  const provider = await apiAs('provider');
  const buyer = await apiAs('buyer');
  const provider2 = await apiAs('provider2');
  const review = await provider.call('POST', '/provider/products', productContent());
  await provider.call('POST', `/provider/products/${review.productId}/submit`);
  const open = await buyer.call('POST', '/orders', { productId, planId: 'once', quantity: 1 });
  const { orderId: doneOrder } = await (async () => {
    const o = await buyer.call('POST', '/orders', { productId, planId: 'once', quantity: 2 });
    await buyer.call('PUT', `/orders/${o.orderId}/requirements`, { answers: { host: '10.0.0.8' } });
    await buyer.call('POST', `/orders/${o.orderId}/messages`, { text: '请在周五晚上 22 点后操作，白天是业务高峰。' });
    await provider.call('POST', `/orders/${o.orderId}/start`);
    await provider.call('POST', `/orders/${o.orderId}/complete`, { note: '已完成配置加固与调优，QPS 由 8k 提升到 21k。' });
    await buyer.call('POST', `/orders/${o.orderId}/confirm`);
    return o as { orderId: string };
  })();
  const applicationId = apiHas('/provider-applications', '/provider-applications/licences')
    ? ((await pendingApplication(provider2)) as { applicationId: string }).applicationId
    : undefined;
  fixture = { applicationId, productId, productName, reviewId: review.productId, reviewName: review.draft?.name ?? review.live?.name, openOrder: open.orderId, doneOrder };
  for (const role of ['provider', 'buyer', 'operator'] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, role);
    states[role] = await context.storageState();
    await context.close();
  }
});

/**
 * Opens a path inside the running single-page app (no reload: history and popstate, as a link does), or by
 * loading it when asked or when only the query changes. The h1 shown before is marked, so the wait below
 * knows the new page from the old one.
 */
const open = async (page: Page, path: string, load: boolean) => {
  const samePath = await page.evaluate<boolean>(`new URL(${JSON.stringify(path)}, location.href).pathname === location.pathname`);
  if (load || samePath) return void (await page.goto(path));
  await page.evaluate(`
    document.querySelectorAll('h1').forEach((h) => h.setAttribute('data-before', ''));
    window.history.pushState(null, '', ${JSON.stringify(path)});
    window.dispatchEvent(new PopStateEvent('popstate'));
  `);
};

/** Ready: the page's own h1 (not the one before) shows and nothing loads. */
const ready = (page: Page, h1: string) =>
  page.waitForFunction((start) => {
    // a function, not a string: the console's CSP allows no eval (the test runs without DOM types)
    const doc = (globalThis as any).document;
    return [...doc.querySelectorAll('h1:not([data-before])')].some((h: any) => h.textContent.startsWith(start)) && !doc.querySelector('.t-loading');
  }, h1);

/**
 * What is wrong with the layout (run in the page): the page scrolls sideways; a short value (an order number
 * whole or its tail, a time, a date, a status tag's text) in a table cell or a description wraps onto a
 * second line, or is cut off by its column; a list's 操作 column is off screen.
 */
const LAYOUT_PROBLEMS = `(() => {
  const problems = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width) problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
  const short = /^(\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2})?|[0-9A-HJKMNP-TV-Z]{26}|…[0-9A-Z]{8})$/;
  const walk = (node, inTag) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = (child.textContent || '').trim();
        if (!text || !(inTag || short.test(text))) continue;
        const range = document.createRange();
        range.selectNodeContents(child);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)));
        if (tops.size > 1) problems.push('“' + text + '” wraps onto ' + tops.size + ' lines');
      } else if (child instanceof HTMLElement) {
        walk(child, inTag || child.classList.contains('t-tag'));
      }
    }
  };
  document.querySelectorAll('.t-table td, .t-descriptions td').forEach((cell) => {
    walk(cell, false);
    // a short value cut off by its column
    const text = (cell.textContent || '').trim();
    if (short.test(text) && cell.scrollWidth > cell.clientWidth + 1) problems.push('“' + text + '” is cut off by its column');
  });
  for (const th of document.querySelectorAll('.t-table th:last-child')) {
    if (!/^(操作|Actions)$/.test((th.textContent || '').trim())) continue;
    const r = th.getBoundingClientRect();
    if (r.right > width + 1 || r.left < 0) problems.push('the actions column is off screen (' + Math.round(r.left) + '–' + Math.round(r.right) + ')');
  }
  return [...new Set(problems)];
})()`;

type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
/** Per role, page and language: affected elements by impact, and the rules that found them (test-results/axe-summary.json). */
const axeTally: Record<string, Record<Impact, number> & { rules: string[] }> = {};

for (const width of [1280, 390] as const) {
  test(`every page of the three roles, zh and en, at ${width} px`, async ({ browser }) => {
    test.setTimeout(300_000);
    const failures: string[] = [];
    for (const [role, pages] of Object.entries(pagesOf(fixture)) as [Role, PageSpec[]][]) {
      if (pages.length === 0 || (process.env.PAGES_ROLE && process.env.PAGES_ROLE !== role)) continue;
      const context = await browser.newContext({
        viewport: { width, height: width > 800 ? 800 : 844 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        ...(role === 'guest' ? {} : { storageState: states[role] }),
      });
      const page = await context.newPage();
      for (const [li, lang] of LANGS.entries()) {
        await page.goto(pages[0].path);
        await page.evaluate(`localStorage.setItem('console.lang', '${lang}')`);
        for (const [i, spec] of pages.entries()) {
          const t0 = Date.now();
          await open(page, spec.path, i === 0);
          await ready(page, spec.h1[li]);
          const where = `${role} ${spec.path} (${lang}, ${width} px)`;
          const t1 = Date.now();
          for (const p of await page.evaluate<string[]>(LAYOUT_PROBLEMS)) failures.push(`${where}: ${p}`);
          if (width === 1280) {
            const { violations } = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
            const tally = (axeTally[`${role} ${spec.path.replace(/[0-9A-Z]{26}/g, ':id')} ${lang}`] ??= { critical: 0, serious: 0, moderate: 0, minor: 0, rules: [] as string[] });
            for (const v of violations) {
              const impact = (v.impact ?? 'minor') as Impact;
              tally[impact] += v.nodes.length;
              tally.rules.push(`${v.id} (${impact})`);
              if (impact === 'critical' || impact === 'serious')
                failures.push(`${where}: axe ${impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
            }
          }
          if (process.env.PAGES_TIMING) console.log(`${where}: ready ${t1 - t0} ms, checks ${Date.now() - t1} ms`);
        }
      }
      await context.close();
    }
    if (width === 1280) {
      const dir = join(__dirname, '..', 'test-results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'axe-summary.json'), JSON.stringify(axeTally, null, 2));
      // the README's table: one row per role and page, critical / serious / moderate / minor per language
      const rows = [...new Set(Object.keys(axeTally).map((k) => k.replace(/ (zh-CN|en-US)$/, '')))].map((page) => {
        const cell = (lang: string) => {
          const t = axeTally[`${page} ${lang}`];
          return t ? `${t.critical} / ${t.serious} / ${t.moderate} / ${t.minor}${t.rules.length ? ` (${[...new Set(t.rules)].join(', ')})` : ''}` : '—';
        };
        const [role, ...path] = page.split(' ');
        return `| ${role} | \`${path.join(' ')}\` | ${cell('zh-CN')} | ${cell('en-US')} |`;
      });
      writeFileSync(join(dir, 'axe-summary.md'), ['| role | page | zh-CN: critical / serious / moderate / minor | en-US |', '|---|---|---|---|', ...rows].join('\n') + '\n');
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
}
