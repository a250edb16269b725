import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, requireFreePort } from '../../scripts/lib/stack';
import { alive, descendants, ROOT, spawnCollected, waitForOutput } from '../support/processes';

// What IDEs and process managers do: start `npm start`, later send it SIGTERM. Nothing may keep running or
// keep holding a port: not DynamoDB Local's java, not cognito-local, not serverless-offline or its workers.
describe.skipIf(process.env.SKIP_E2E === '1')('npm start and SIGTERM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'market-start-'));
  const workFolder = `.esbuild-test-${process.pid}-start`;
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(ROOT, workFolder), { recursive: true, force: true });
  });

  it('stops every process it started and frees every port on SIGTERM', { timeout: 240_000 }, async () => {
    const ports = { API_PORT: await freePort(), LAMBDA_PORT: await freePort(), DYNAMODB_PORT: await freePort(), COGNITO_PORT: await freePort() };
    const { child, output, exit } = spawnCollected('npm', ['start'], {
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      LOCAL_DIR: dir,
      ESBUILD_WORK_FOLDER: workFolder,
    });
    await waitForOutput(child, output, (s) => s.includes('Marketplace back office is running.'), 200_000);
    const answer = await fetch(`http://127.0.0.1:${ports.API_PORT}/products`);
    expect(answer.status).toBe(200);

    const started = descendants(child.pid!);
    expect(started.map((p) => p.command).join('\n')).toMatch(/java/);
    expect(started.map((p) => p.command).join('\n')).toMatch(/cognito-local/);
    expect(started.map((p) => p.command).join('\n')).toMatch(/osls offline/);

    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(started.filter((p) => alive(p.pid))).toEqual([]);
    for (const [name, port] of Object.entries(ports)) await expect(requireFreePort(port, name)).resolves.toBeUndefined();
  });
});
