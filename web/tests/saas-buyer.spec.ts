import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSaasEndpoint, type SaasEndpoint } from '../../scripts/lib/saas-endpoint';
import { apiAs, productContent } from './support/api';
import { expect, signInAs, test } from './support/fixtures';

/**
 * A SaaS purchase from the buyer's side (spec 3.1): bought in 服务市场, 开通中 while the provider's system creates
 * the instance, then the instance (访问地址, 免登录), then 续费. The provider's endpoint is the protocol's own
 * local server; a gate in front of it holds createInstance until the buyer has seen 开通中.
 */
let endpoint: SaasEndpoint;
let gate: Server;
let gateUrl: string;
let release: () => void = () => undefined;
const token = `tok-${randomBytes(12).toString('hex')}`;

/** Forwards every call; a createInstance waits for `release()` (at most 4 s, under the caller's 5 s). */
const startGate = async (target: string) => {
  const to = new URL(target);
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', async () => {
      if (raw.includes('"createInstance"')) {
        await new Promise<void>((resolve) => {
          release = resolve;
          setTimeout(resolve, 4_000);
        });
      }
      const out = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.writeHead(502).end());
      out.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
};

test.beforeAll(async () => {
  endpoint = await startSaasEndpoint({ token });
  gate = await startGate(endpoint.url);
  gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}${new URL(endpoint.url).pathname}`;
});
test.afterAll(async () => {
  release();
  await new Promise((r) => gate?.close(r));
  await endpoint?.close();
});

test.describe('buyer · SaaS purchase', () => {
  test('buys a SaaS plan, sees 开通中, then the instance, and renews', async ({ page }) => {
    // 服务商 (the second provider: the first one's endpoint belongs to saas.spec): endpoint saved and debugged, product listed
    const provider = await apiAs('provider2');
    const operator = await apiAs('operator');
    await provider.call('PUT', '/provider/saas-endpoint', { url: gateUrl, token });
    for (const action of ['createInstance', 'renewInstance', 'modifyInstance', 'expireInstance', 'destroyInstance']) {
      const run = provider.call('POST', '/provider/saas-endpoint/debug', { action });
      if (action === 'createInstance') setTimeout(() => release(), 100);
      await run;
    }
    const content = productContent({
      serviceType: 'saas',
      delivery: 'saas',
      category: 'SaaS',
      plans: [{ planId: 'std', name: '标准版', duration: 1, unit: 'month', listPrice: 12_000, price: 9_900 }],
      requirementsTemplate: [],
      requirementsBeforeStart: false,
    });
    const p = await provider.call('POST', '/provider/products', content);
    const submitted = await provider.call('POST', `/provider/products/${p.productId}/submit`);
    await operator.call('POST', `/operator/products/${p.productId}/approve`, { version: submitted.version });

    // 用户 · 服务市场 → 查看 → 购买 标准版
    await signInAs(page, 'buyer');
    await page.goto(`/catalog/${p.productId}`);
    await expect(page.getByRole('heading', { name: content.name })).toBeVisible();
    await page.getByRole('button', { name: '购买 标准版' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect(page).toHaveURL(/\/buyer\/orders\/[0-9A-Z]+$/);

    // 开通中 while the provider's system has not answered
    await expect(page.getByText('开通中').first()).toBeVisible();
    await expect(page.getByText('服务商系统正在开通实例，开通后这里显示访问地址和登录信息。')).toBeVisible();
    release();

    // then the instance: its address and the 免登录 link
    await expect(page.getByText('已开通').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: /^https:\/\/app\.example\.com\/sign-/ })).toBeVisible();
    await expect(page.getByRole('link', { name: '免登录进入' })).toHaveAttribute('href', /^https:\/\/app\.example\.com\/login\?ticket=/);
    await expect(page.getByText('到期时间')).toBeVisible();

    // 续费 two periods: the renewal is on the timeline and the provider's system is told (renewInstance)
    await page.getByRole('button', { name: '续费' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('spinbutton').or(dialog.getByRole('textbox')).first().fill('2');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(page.getByText('续费').nth(1)).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => endpoint.seen.filter((s) => s.action === 'renewInstance' && s.answered === 200).length, { timeout: 30_000 }).toBeGreaterThan(1);
  });
});
