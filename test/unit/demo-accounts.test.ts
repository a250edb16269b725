import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../scripts/lib/local-config';

const ROOT = join(__dirname, '..', '..');

describe('the demo accounts (npm start)', () => {
  it('include the applicant whose 服务商入驻 application the seed leaves pending', () => {
    expect(DEMO_ACCOUNTS).toContainEqual({ key: 'applicant', email: 'applicant@example.com', role: 'buyer' });
    const start = readFileSync(join(ROOT, 'scripts', 'start.ts'), 'utf8');
    expect(start).toContain('seedDemoApplication(ids.applicant)');
  });

  it('are each listed in README’s table, and the table lists no other', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Demo accounts'));
    const table = section.slice(0, section.indexOf('\n###'));
    const listed = [...table.matchAll(/^\|[^|]+\| `([^`]+@[^`]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
  });
});
