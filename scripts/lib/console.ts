import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { fingerprint, staleBecause, writeRecord } from './build-cache';
import { ROOT } from './local-config';
import { track } from './processes';

export const CONSOLE_CONFIG = join(ROOT, 'web', 'vite.config.mts');
export const CONSOLE_DIST = join(ROOT, 'web', 'dist');

/** What the console reads from /config.json at boot (web/src/app/config.ts). */
export interface ConsoleRuntimeConfig {
  apiUrl: string;
  /** The live console's WebSocket API; without it the console refreshes periodically. */
  websocketUrl?: string;
  cognito: { region: string; userPoolId: string; clientId: string; endpoint?: string };
}

/** Where the last local build of web/dist recorded its inputs (outside web/dist, which deploys upload). */
const CONSOLE_RECORD = join(ROOT, 'web', '.dist-inputs.json');
/** What shapes the console's build besides the modules it reads. */
const CONSOLE_BUILD_CONFIG = ['package-lock.json', 'web/vite.config.mts', 'web/index.html', 'web/tsconfig.json', 'tsconfig.json'];

/** `vite build` of web/ into web/dist, recording the modules it read (for `ensureConsoleBuilt`). */
export const buildConsole = async (quiet = true) => {
  const { build } = await import('vite');
  rmSync(CONSOLE_RECORD, { force: true });
  let read: string[] = [];
  await build({
    configFile: CONSOLE_CONFIG,
    logLevel: quiet ? 'warn' : 'info',
    plugins: [{ name: 'record-inputs', generateBundle() { read = [...this.getModuleIds()]; } }],
  });
  writeRecord(CONSOLE_RECORD, fingerprint(read, CONSOLE_BUILD_CONFIG));
};

/**
 * `buildConsole` in a child process: Rollup's memory goes with it, instead of staying resident in the process
 * that then serves the stack for hours (about 700 MB).
 */
export const buildConsoleApart = (quiet = true) =>
  new Promise<void>((resolve, reject) => {
    const child = track(
      spawn(process.execPath, ['--import', 'tsx', __filename, 'build', quiet ? 'quiet' : 'verbose'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] }),
    );
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build of the console failed (exit ${code})`))));
  });

/** Builds the console (apart) unless web/dist was built from exactly the current inputs; says which it did. */
export const ensureConsoleBuilt = async (quiet = true): Promise<{ reused: boolean; reason?: string }> => {
  const reason = staleBecause(CONSOLE_RECORD, [join(CONSOLE_DIST, 'index.html')], CONSOLE_BUILD_CONFIG);
  if (!reason) return { reused: true };
  await buildConsoleApart(quiet);
  return { reused: false, reason };
};

if (require.main === module && process.argv[2] === 'build') {
  buildConsole(process.argv[3] !== 'verbose').catch((err) => {
    console.error((err as Error).message);
    process.exit(1);
  });
}

/** Writes web/dist/config.json (deploys upload it beside the app). */
export const writeConsoleConfig = (config: ConsoleRuntimeConfig, dir = CONSOLE_DIST) =>
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n');

/**
 * Serves the built console (web/dist, every unknown path falling back to index.html for the single-page app)
 * plus a /config.json made from this stack, so one build serves any stack. sirv (the static handler Vite's own
 * preview server uses) on a plain node:http server rather than Vite's preview server: the stack's process then
 * never loads Vite (about 100 MB resident for hours), and no library's signal handler ends the process before
 * the stack has stopped. `dev` makes sirv look files up on each request, so a `npm run build:console` while the
 * stack runs is served on the next page load.
 */
export const serveConsole = async (opts: { port: number; config: ConsoleRuntimeConfig; dist?: string }) => {
  const configJson = JSON.stringify(opts.config);
  const files = sirv(opts.dist ?? CONSOLE_DIST, {
    dev: true,
    single: true,
    // hashed asset names never change content; index.html (and every route of the app) always asks again
    setHeaders: (res, pathname) =>
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if ((req.url ?? '/').split('?')[0] === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : configJson);
      return;
    }
    files(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
