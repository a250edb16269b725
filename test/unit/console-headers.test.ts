import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHandler, type ConsoleRuntimeConfig } from '../../scripts/lib/console';

// The local console server's answers over plain HTTP, on a tiny build of its own (no vite build needed).
const config: ConsoleRuntimeConfig & { websocketUrl: string } = {
  apiUrl: 'http://127.0.0.1:3999',
  cognito: { region: 'us-east-1', userPoolId: 'local_x', clientId: 'c', endpoint: 'http://127.0.0.1:9339' },
  websocketUrl: 'ws://127.0.0.1:3998',
};
let dist: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, 'docs'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1.js"></script>');
  writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(dist, 'docs', 'redoc.standalone.js'), '/* redoc */');
  server = createServer(consoleHandler({ config, dist, connect: ['http://127.0.0.1:4599'] }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dist, { recursive: true, force: true });
});

const directivesOf = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('the console’s answers', () => {
  it('carry the CSP (never framed), X-Frame-Options, nosniff and a referrer policy on every page, file and config', async () => {
    for (const path of ['/', '/provider/orders/01ARZ3NDEKTSV4RRFFQ69G5FAV', '/assets/app-1.js', '/config.json', '/docs/redoc.standalone.js']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      const csp = directivesOf(res.headers.get('content-security-policy') ?? '');
      expect(csp['frame-ancestors'], path).toEqual(["'none'"]);
      expect(csp['script-src'], path).toEqual(["'self'"]);
    }
    expect((await fetch(base + '/', { method: 'POST' })).headers.get('x-frame-options')).toBe('DENY');
  });

  it('lets the console connect only to its own origin and the origins it is configured with, ws and wss included', async () => {
    const csp = directivesOf((await fetch(base + '/')).headers.get('content-security-policy')!);
    expect(csp['connect-src'].sort()).toEqual(
      [
        "'self'",
        'http://127.0.0.1:3999',
        'ws://127.0.0.1:3999',
        'http://127.0.0.1:9339',
        'ws://127.0.0.1:9339',
        'ws://127.0.0.1:3998',
        'http://127.0.0.1:4599',
        'ws://127.0.0.1:4599',
      ].sort(),
    );
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
  });

  it('serves the API reference page’s renderer as a static file', async () => {
    const res = await fetch(base + '/docs/redoc.standalone.js');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(await res.text()).toBe('/* redoc */');
  });
});
