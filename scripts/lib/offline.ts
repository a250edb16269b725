import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stopChild, track } from './processes';
import { waitForPort, type PortSpec } from './stack';

const root = join(__dirname, '..', '..');

/**
 * Every port serverless-offline (and its plugins) listens on: each reaches serverless.yml as its environment
 * variable. `composeStack` picks them all (fixed or free) and names every busy one, so a plugin that needs
 * another port adds one line here and reads `${env:THAT_PORT}` in serverless.yml.
 */
export const OFFLINE_PORTS = {
  api: { env: 'API_PORT', fixed: 3000, what: 'the HTTP API' },
  lambda: { env: 'LAMBDA_PORT', fixed: 3002, what: 'serverless-offline Lambda' },
  websocket: { env: 'WEBSOCKET_PORT', fixed: 3001, what: 'the live console’s WebSocket API' },
  eventBus: { env: 'EVENT_BUS_PORT', fixed: 4010, what: 'the local event bus (PutEvents)' },
  eventBusPubSub: { env: 'EVENT_BUS_PUBSUB_PORT', fixed: 4011, what: 'the local event bus’s broker' },
} satisfies Record<string, PortSpec>;
export type OfflinePort = keyof typeof OFFLINE_PORTS;

/** serverless-offline for the local stage, with the functions' environment; resolves once it listens. */
export const startOffline = async (opts: {
  env: Record<string, string>;
  ports: Record<OfflinePort, number>;
  workFolder?: string;
  quiet?: boolean;
  /** Serve the bundles already in the work folder instead of bundling again (see scripts/lib/build-cache.ts). */
  reuseBundles?: boolean;
  /** How long bundling may take before giving up (a loaded machine needs more). */
  startTimeoutMs?: number;
}) => {
  const portEnv = Object.fromEntries(
    (Object.keys(OFFLINE_PORTS) as OfflinePort[]).map((name) => [OFFLINE_PORTS[name].env, String(opts.ports[name])]),
  );
  const child = track(spawn(join(root, 'node_modules', '.bin', 'osls'), ['offline', 'start', '--stage', 'local', '--useInProcess'], {
    cwd: root,
    env: {
      ...process.env,
      ...opts.env,
      ...portEnv,
      // readable stack traces locally (the bundles carry linked source maps); deployed stages go without
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--enable-source-maps'].filter(Boolean).join(' '),
      ...(opts.workFolder ? { ESBUILD_WORK_FOLDER: opts.workFolder } : {}),
      ...(opts.reuseBundles ? { ESBUILD_REUSE_BUNDLES: '1' } : {}),
    },
    stdio: ['ignore', opts.quiet ? 'ignore' : 'inherit', opts.quiet ? 'ignore' : 'inherit'],
    detached: false,
  }));
  // bundling every function takes a minute on an idle machine, several on a busy one
  try {
    await waitForPort(opts.ports.api, 'serverless-offline', child, opts.startTimeoutMs ?? Number(process.env.OFFLINE_START_TIMEOUT_MS ?? 600_000));
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return child;
};
