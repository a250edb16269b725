import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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
 * The console's Content-Security-Policy: scripts, styles and fonts from its own origin only, images also from
 * https (product logos), connections to its own origin and `connect` (the API, the user pool, the attachments'
 * storage, the live-update socket), and never framed. Styles allow inline: the design system sets some at run
 * time. serverless.yml's ConsoleResponseHeaders sends the same directives from CloudFront (a package test compares).
 */
export const contentSecurityPolicy = (connect: string[]) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    ['connect-src', "'self'", ...connect].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * The origins the console connects to: every URL its runtime configuration names (API, user pool endpoint, a
 * websocket), plus `extra`, each http(s) one with its ws(s) twin; a deployed user pool (no endpoint) is the
 * region's Cognito service.
 */
export const connectSourcesOf = (config: ConsoleRuntimeConfig, extra: string[] = []): string[] => {
  const urls: string[] = [...extra];
  const walk = (value: unknown) => {
    if (typeof value === 'string') urls.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(config);
  if (!config.cognito.endpoint) urls.push(`https://cognito-idp.${config.cognito.region}.amazonaws.com`);
  const origins = new Set<string>();
  for (const raw of urls) {
    if (!/^(https?|wss?):\/\//.test(raw)) continue;
    const url = new URL(raw);
    origins.add(`${url.protocol}//${url.host}`);
    if (url.protocol === 'http:' || url.protocol === 'https:') origins.add(`${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`);
  }
  return [...origins];
};

/** The headers of every answer of the console: the CSP above, no framing, no sniffing, no referrer. */
export const consoleSecurityHeaders = (connect: string[]): Record<string, string> => ({
  'content-security-policy': contentSecurityPolicy(connect),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

interface ConsoleServing {
  config: ConsoleRuntimeConfig;
  dist?: string;
  /** Origins the console connects to besides those its configuration names (the local attachments' storage). */
  connect?: string[];
}

/**
 * The console's request handler: the built app (web/dist, every unknown path falling back to index.html for the
 * single-page app) plus a /config.json made from this stack, every answer with the security headers.
 */
export const consoleHandler = (opts: ConsoleServing) => {
  const configJson = JSON.stringify(opts.config);
  const security = consoleSecurityHeaders(connectSourcesOf(opts.config, opts.connect));
  const files = sirv(opts.dist ?? CONSOLE_DIST, {
    dev: true,
    single: true,
    // hashed asset names never change content; index.html (and every route of the app) always asks again
    setHeaders: (res, pathname) =>
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(security)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if ((req.url ?? '/').split('?')[0] === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : configJson);
      return;
    }
    files(req, res);
  };
};

/**
 * Serves `consoleHandler` on a port. sirv (the static handler Vite's own preview server uses) on a plain node:http
 * server rather than Vite's preview server: the stack's process then never loads Vite (about 100 MB resident for
 * hours), and no library's signal handler ends the process before the stack has stopped. `dev` makes sirv look
 * files up on each request, so a `npm run build:console` while the stack runs is served on the next page load.
 */
export const serveConsole = async (opts: ConsoleServing & { port: number }) => {
  const server = createServer(consoleHandler(opts));
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
