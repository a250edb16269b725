import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeStack, type ComposedStack } from './lib/compose';
import { checkRecords, client, runJourneys, type Request } from './lib/journeys';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run chaos`: the order journeys of `npm run load` on a private stack (DynamoDB Local on disk,
 * cognito-local, serverless-offline, on free ports) while DynamoDB Local and the identity provider are
 * killed and started again, in turns, mid-run. Clients retry 503 + Retry-After with the same
 * Idempotency-Key. It passes when no answer was 500 or 401, and after the run every acknowledged order
 * exists, its timeline is numbered by version without a gap and applies each command once, and the
 * inbox matches its count. CHAOS_SECONDS (40), CHAOS_JOURNEYS (4), CHAOS_OUTAGE_SECONDS (4).
 * Not part of `npm test`.
 */
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 40);
const JOURNEYS = Number(process.env.CHAOS_JOURNEYS ?? 4);
const OUTAGE = Number(process.env.CHAOS_OUTAGE_SECONDS ?? 4);
const PASSWORD = 'Chaos2026!pass';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const main = async () => {
  console.log('Bundling the functions for a private serverless-offline…');
  // DynamoDB Local on disk (a temporary folder), so that its items survive each outage
  const dataDir = mkdtempSync(join(tmpdir(), 'market-chaos-'));
  const users = Object.fromEntries(
    (['provider', 'buyer', 'operator'] as const).map((role) => [role, { email: `${role}@chaos.example`, password: PASSWORD, roles: role, token: true }]),
  );
  let stack: ComposedStack | undefined;
  const stopAll = async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    stack = await composeStack({
      parts: ['dynamodb', 'cognito', 'offline'],
      dataDir,
      tableName: 'MarketChaos',
      poolName: 'market-chaos',
      bucket: 'market-chaos-attachments',
      users,
      logLevel: 'ERROR',
      offline: { workFolder: '.esbuild/chaos' },
      verbose: process.env.CHAOS_VERBOSE === '1',
    });
    const request: Request = client(stack.apiUrl);
    const [provider, buyer, operator] = [stack.users.provider.token, stack.users.buyer.token, stack.users.operator.token];
    const running = stack;

    // a listed product without a requirements form
    const made = await request('POST', '/provider/products', provider, {
      name: '混沌测试服务',
      serviceType: 'ops_service',
      category: '运维服务',
      tags: ['chaos'],
      summary: '故障注入下的订单旅程',
      description: '## 服务内容\n巡检',
      logoUrl: 'https://cdn.example.com/logo.png',
      deliveryDays: 1,
      warrantyDays: 7,
      plans: [{ planId: 'once', name: '单次服务', duration: 1, unit: 'times', listPrice: 1000, price: 900 }],
    });
    const submitted = await request('POST', `/provider/products/${made.body.productId}/submit`, provider);
    const approved = await request('POST', `/operator/products/${made.body.productId}/approve`, operator, { version: submitted.body.version });
    if (approved.status !== 200) throw new Error(`could not list the product: ${approved.status} ${JSON.stringify(approved.body)}`);
    // warm every function once, so that the outages hit running instances with their key set cached
    await runJourneys({ request, buyer, provider, productId: made.body.productId, planId: 'once', answers: {}, deadline: Date.now() + 1, concurrency: 1 });

    const deadline = Date.now() + SECONDS * 1000;
    const outages: string[] = [];
    const chaos = (async () => {
      await sleep(3000);
      for (let turn = 0; Date.now() < deadline - OUTAGE * 1000 - 2000; turn++) {
        const which = turn % 2 === 0 ? 'DynamoDB Local' : 'cognito-local';
        const at = Date.now();
        await running.outage(which === 'DynamoDB Local' ? 'dynamodb' : 'cognito', OUTAGE * 1000);
        outages.push(`${which} down ${((Date.now() - at) / 1000).toFixed(1)} s`);
        await sleep(3000);
      }
    })();
    const [run] = await Promise.all([
      runJourneys({ request, buyer, provider, productId: made.body.productId, planId: 'once', answers: {}, deadline, concurrency: JOURNEYS, retryLost: true }),
      chaos,
    ]);
    await sleep(5000); // the stream's last notifications
    const checked = await checkRecords(request, buyer, run.acknowledged);
    const forbidden = [...run.statuses.entries()].filter(([s]) => s === 500 || s === 401);
    const problems = [
      ...forbidden.map(([s, n]) => `${n} answers ${s}`),
      ...run.failures,
      ...checked.problems,
    ];
    console.log(`
Chaos: ${SECONDS} s, ${JOURNEYS} journeys at a time; outages: ${outages.join('; ') || 'none'}
  ${run.acknowledged.length} orders acknowledged; statuses ${JSON.stringify(Object.fromEntries([...run.statuses.entries()].sort((a, b) => a[0] - b[0])))}
  ${run.retried} retries after 503 or 429 with Retry-After (same Idempotency-Key)
Checks: every acknowledged order read back, timelines numbered without a gap, each command applied once; ${checked.unread} unread notifications, count matches
${problems.length === 0 ? 'No 500, no 401; nothing lost, duplicated or half-written.' : `PROBLEMS (${problems.length}):\n  ${problems.slice(0, 20).join('\n  ')}`}`);
    await stopAll();
    process.exit(problems.length === 0 ? 0 : 1);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    await stopAll();
    process.exit(1);
  }
};

void main();
