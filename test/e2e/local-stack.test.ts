import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STACK_PORTS } from '../../scripts/lib/compose';
import { freePorts, requireFreePort } from '../../scripts/lib/stack';
import { alive, descendants, ROOT, spawnCollected, waitForOutput } from '../support/processes';

// What IDEs and process managers do: start `npm start`, later send it SIGTERM. Nothing may keep running or
// keep holding a port: not DynamoDB Local's java, not cognito-local, not serverless-offline. Every port moved by
// its variable, so it runs beside a running `npm start` (whose fixed ports this test holds if nothing does).
describe('npm start on moved ports, SIGTERM, and a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'market-start-'));
  const workFolder = `.esbuild-test-${process.pid}-start`;
  const held: Server[] = [];
  afterAll(() => {
    for (const server of held) server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(ROOT, workFolder), { recursive: true, force: true });
  });

  const start = async () => {
    const specs = Object.values(STACK_PORTS);
    const free = await freePorts(specs.length);
    const ports = Object.fromEntries(specs.map((spec, i) => [spec.env, free[i]]));
    const run = spawnCollected('npm', ['start'], {
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      LOCAL_DIR: dir,
      ESBUILD_WORK_FOLDER: workFolder,
    });
    await waitForOutput(run.child, run.output, (s) => s.includes('Marketplace back office is running.'), 200_000);
    return { ...run, ports };
  };

  const stopAndCheck = async (run: Awaited<ReturnType<typeof start>>) => {
    const started = descendants(run.child.pid!);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(started.filter((p) => alive(p.pid))).toEqual([]);
    for (const [name, port] of Object.entries(run.ports)) await expect(requireFreePort(port, name)).resolves.toBeUndefined();
    return started;
  };

  it('starts beside the fixed ports held, stops every process on SIGTERM, and restarts reusing its builds', { timeout: 400_000 }, async () => {
    for (const spec of Object.values(STACK_PORTS)) {
      await new Promise<void>((resolve) => {
        const server = createServer();
        server.once('error', () => resolve());
        server.listen(spec.fixed, '127.0.0.1', () => (held.push(server), resolve()));
      });
    }
    const first = await start();
    const answer = await fetch(`http://127.0.0.1:${first.ports.API_PORT}/products`);
    expect(answer.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${first.ports.CONSOLE_PORT}/config.json`)).status).toBe(200);
    // the banner says where the state is (LOCAL_DIR), not .local
    expect(first.output.stdout).toContain(`Stack file   ${join(dir, 'stack.json')}`);
    expect(first.output.stdout).not.toContain('.local/');

    const started = await stopAndCheck(first);
    expect(started.map((p) => p.command).join('\n')).toMatch(/java/);
    expect(started.map((p) => p.command).join('\n')).toMatch(/cognito-local/);
    expect(started.map((p) => p.command).join('\n')).toMatch(/osls offline/);

    // nothing changed: the bundles and the console's build serve again
    const second = await start();
    expect(second.output.stdout).toMatch(/function bundles reused, console reused/);
    expect((await fetch(`http://127.0.0.1:${second.ports.API_PORT}/products`)).status).toBe(200);
    await stopAndCheck(second);
  });
});
