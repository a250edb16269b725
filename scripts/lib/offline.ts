import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { track } from './processes';
import { waitForPort } from './stack';

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
}) => {
  const child = track(spawn(join(root, 'node_modules', '.bin', 'osls'), ['offline', 'start', '--stage', 'local'], {
    cwd: root,
    env: {
      ...process.env,
      ...opts.env,
      API_PORT: String(opts.apiPort),
      LAMBDA_PORT: String(opts.lambdaPort),
      // readable stack traces locally (the bundles carry linked source maps); deployed stages go without
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--enable-source-maps'].filter(Boolean).join(' '),
      ...(opts.workFolder ? { ESBUILD_WORK_FOLDER: opts.workFolder } : {}),
    },
    stdio: ['ignore', opts.quiet ? 'ignore' : 'inherit', opts.quiet ? 'ignore' : 'inherit'],
    detached: false,
  }));
  await waitForPort(opts.apiPort, 'serverless-offline', child, opts.startTimeoutMs ?? 180_000);
  return child;
};
