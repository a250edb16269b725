import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import globalSetup, { CONSOLE_PASSWORD, CONSOLE_USERS } from '../web/tests/support/global-setup';
import { apiAs, listedProduct, stack } from '../web/tests/support/api';
import { CONSOLE_DIST } from './lib/console';

/**
 * `npm run bench:console`: on a private local stack, (1) the JavaScript and CSS the first page (sign-in)
 * transfers, gzip, and what the provider's order list adds; (2) the time from opening the order list
 * (signed in, cold page load) until its rows are shown and its filters usable, over several runs.
 */
const RUNS = Number(process.env.RUNS ?? 7);
const ORDERS = Number(process.env.ORDERS ?? 20);

const gz = (urls: string[]) =>
  urls
    .map((u) => new URL(u).pathname)
    .filter((p) => /\.(js|css)$/.test(p))
    .reduce((sum, p) => sum + gzipSync(readFileSync(join(CONSOLE_DIST, p))).length, 0);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

const main = async () => {
  const teardown = await globalSetup();
  try {
    const s = stack();
    // an order list worth reading
    const product = await listedProduct();
    const buyer = await apiAs('buyer');
    for (let i = 0; i < ORDERS; i++) await buyer.call('POST', '/orders', { productId: product.productId, planId: 'once', quantity: 1 });

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const loaded: string[] = [];
    page.on('response', (r) => r.url().startsWith(s.consoleUrl) && loaded.push(r.url()));
    await page.goto(`${s.consoleUrl}/signin`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    const firstPage = gz(loaded);
    const firstCount = loaded.filter((u) => /\.(js|css)$/.test(u)).length;

    await page.getByRole('textbox', { name: '邮箱' }).fill(CONSOLE_USERS.provider.email);
    await page.getByLabel('密码').fill(CONSOLE_PASSWORD);
    loaded.length = 0;
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '商品管理' }).waitFor();
    await page.getByRole('link', { name: '订单管理' }).click();
    await page.getByRole('row').nth(ORDERS).waitFor();
    const orderListAdds = gz(loaded);

    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const fresh = await context.newPage(); // same browser profile (signed in), cold page: assets from the HTTP cache
      const started = Date.now();
      await fresh.goto(`${s.consoleUrl}/provider/orders`);
      await fresh.getByRole('row').nth(ORDERS).waitFor();
      await fresh.getByRole('button', { name: '导出' }).waitFor({ state: 'visible' });
      times.push(Date.now() - started);
      await fresh.close();
    }
    await browser.close();

    console.table({
      'first page (sign-in): JS+CSS gzip': { value: kb(firstPage), note: `${firstCount} files` },
      'signed in → order list: more JS+CSS gzip': { value: kb(orderListAdds), note: 'product list, order list chunks' },
      'order list interactive, median': { value: `${median(times)} ms`, note: `${RUNS} cold page loads, ${ORDERS} orders` },
      'order list interactive, p95': { value: `${p95(times)} ms`, note: 'local stack, this machine' },
    });
  } finally {
    await teardown();
  }
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
