import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The local stack is composed in one place (scripts/lib/compose.ts): `npm start`, the test setups, bench and
// chaos call `composeStack`, so a port, a part or a cleanup cannot drift between copies again.
const ROOT = join(__dirname, '..', '..');
const PARTS = /\b(startDynamo|startCognito|startS3|startMail|startOffline|serveConsole)\(/;
const DEFINED_IN = ['scripts/lib/stack.ts', 'scripts/lib/offline.ts', 'scripts/lib/console.ts', 'scripts/lib/compose.ts'];

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.(ts|mts|cjs)$/.test(entry.name) ? [path] : [];
  });

describe('one local stack', () => {
  it('starts its parts only through composeStack', () => {
    const files = [...sources(join(ROOT, 'scripts')), ...sources(join(ROOT, 'test')), ...sources(join(ROOT, 'web', 'tests'))];
    const outside = files
      .map((file) => relative(ROOT, file))
      .filter((file) => !DEFINED_IN.includes(file) && file !== 'test/unit/one-stack.test.ts')
      .filter((file) => PARTS.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(outside).toEqual([]);
  });
});
