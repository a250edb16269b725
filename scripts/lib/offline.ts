import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { track } from './processes';
import { freePort, waitForPort } from './stack';

const root = join(__dirname, '..', '..');

/** serverless-offline for the local stage, with the functions' environment; resolves once it listens. */
export const startOffline = async (opts: {
  env: Record<string, string>;
  apiPort: number;
  lambdaPort: number;
  workFolder?: string;
  quiet?: boolean;
  /** How long bundling may take before giving up (a loaded machine needs more). */
  startTimeoutMs?: number;
  /** The local event bus (PutEvents) and its broker; free ports when not given. */
  eventBusPort?: number;
  eventBusPubSubPort?: number;
}) => {
  const eventBusPort = opts.eventBusPort ?? (await freePort());
  const eventBusPubSubPort = opts.eventBusPubSubPort ?? (await freePort());
  const child = track(spawn(join(root, 'node_modules', '.bin', 'osls'), ['offline', 'start', '--stage', 'local'], {
    cwd: root,
    env: {
      ...process.env,
      ...opts.env,
      API_PORT: String(opts.apiPort),
      LAMBDA_PORT: String(opts.lambdaPort),
      EVENT_BUS_PORT: String(eventBusPort),
      EVENT_BUS_PUBSUB_PORT: String(eventBusPubSubPort),
      // readable stack traces locally (the bundles carry linked source maps); deployed stages go without
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--enable-source-maps'].filter(Boolean).join(' '),
      ...(opts.workFolder ? { ESBUILD_WORK_FOLDER: opts.workFolder } : {}),
    },
    stdio: ['ignore', opts.quiet ? 'ignore' : 'inherit', opts.quiet ? 'ignore' : 'inherit'],
    detached: false,
  }));
  // bundling every function takes a minute on an idle machine, several on a busy one
  await waitForPort(opts.apiPort, 'serverless-offline', child, opts.startTimeoutMs ?? Number(process.env.OFFLINE_START_TIMEOUT_MS ?? 600_000));
  return child;
};
