import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, functionEnv, noStackFile, readStackFile } from './lib/local-config';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run invoke -- <function> <event.json>`: `osls invoke local` with the local stack's environment
 * (the user pool and client that `npm start` created), e.g. `npm run invoke -- orderTimers events/schedule-order-timers.json`.
 */
const [fn, eventPath] = process.argv.slice(2);
if (!fn || !eventPath) {
  console.error('Usage: npm run invoke -- <function> <event.json>   (functions are the keys in serverless.yml)');
  process.exit(1);
}
const stack = readStackFile();
if (!stack) {
  console.error(noStackFile());
  process.exit(1);
}
const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'osls'), ['invoke', 'local', '-f', fn, '-p', eventPath, '--stage', 'local'], {
  cwd: ROOT,
  env: { ...process.env, ...functionEnv(stack) },
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
