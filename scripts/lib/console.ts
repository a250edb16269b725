import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connect, PreviewServer } from 'vite';
import { fingerprint, staleBecause, writeRecord } from './build-cache';
import { ROOT } from './local-config';
import { track } from './processes';

export const CONSOLE_CONFIG = join(ROOT, 'web', 'vite.config.mts');
export const CONSOLE_DIST = join(ROOT, 'web', 'dist');

/** What the console reads from /config.json at boot (web/src/app/config.ts). */
export interface ConsoleRuntimeConfig {
  apiUrl: string;
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
 * Serves the built console with Vite's preview server (SPA fallback to index.html) plus a /config.json
 * made from this stack, so one build serves any stack.
 */
export const serveConsole = async (opts: { port: number; config: ConsoleRuntimeConfig }): Promise<PreviewServer> => {
  const { preview } = await import('vite');
  const configJson = JSON.stringify(opts.config);
  const serveConfig: Connect.NextHandleFunction = (req, res, next) => {
    if (req.url?.split('?')[0] !== '/config.json') return next();
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    res.end(configJson);
  };
  return preview({
    configFile: CONSOLE_CONFIG,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: opts.port, strictPort: true, open: false },
    plugins: [{ name: 'console-config', configurePreviewServer: (server) => void server.middlewares.use(serveConfig) }],
  });
};
