import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connect, PreviewServer } from 'vite';
import { ROOT } from './local-config';

export const CONSOLE_CONFIG = join(ROOT, 'web', 'vite.config.mts');
export const CONSOLE_DIST = join(ROOT, 'web', 'dist');

/** What the console reads from /config.json at boot (web/src/app/config.ts). */
export interface ConsoleRuntimeConfig {
  apiUrl: string;
  cognito: { region: string; userPoolId: string; clientId: string; endpoint?: string };
}

/** `vite build` of web/ into web/dist. */
export const buildConsole = async (quiet = true) => {
  const { build } = await import('vite');
  await build({ configFile: CONSOLE_CONFIG, logLevel: quiet ? 'warn' : 'info' });
};

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
