import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run iam:record`: runs the integration tests, recording which DynamoDB calls each function's code sends,
 * and writes them to test/support/dynamodb-calls.json (the IAM actions serverless.yml must grant, no more).
 */
type Calls = Record<string, Record<string, string[]>>;
const root = join(__dirname, '..');
const dir = join(root, '.iam-record');
const target = join(root, 'test', 'support', 'dynamodb-calls.json');

rmSync(dir, { recursive: true, force: true });
const run = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', '--project', 'integration', ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, RECORD_IAM: '1' },
  stdio: 'inherit',
});
if (run.status !== 0) {
  console.error('The integration tests failed: nothing written.');
  process.exit(run.status ?? 1);
}
const merged: Calls = {};
for (const file of existsSync(dir) ? readdirSync(dir) : []) {
  const part = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Calls;
  for (const [fn, actions] of Object.entries(part)) {
    for (const [action, targets] of Object.entries(actions)) {
      merged[fn] ??= {};
      merged[fn][action] = [...new Set([...(merged[fn][action] ?? []), ...targets])].sort();
    }
  }
}
const sorted = Object.fromEntries(
  Object.keys(merged).sort().map((fn) => [fn, Object.fromEntries(Object.keys(merged[fn]).sort().map((a) => [a, merged[fn][a]]))]),
);
writeFileSync(target, JSON.stringify(sorted, null, 2) + '\n');
rmSync(dir, { recursive: true, force: true });
console.log(`Wrote ${Object.keys(sorted).length} functions' DynamoDB calls to test/support/dynamodb-calls.json`);
