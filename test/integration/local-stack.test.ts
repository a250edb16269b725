import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/stack';
import { spawnCollected } from '../support/processes';

// `npm start` refusing to start: it must say why in one line and exit non-zero (a script or an IDE sees the failure).
const ourLines = (text: string) =>
  text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('npm ') && !l.startsWith('>'));

describe('npm start when it cannot start', () => {
  let dir: string;
  let busy: Server;
  let busyPort: number;
  const ports = async () => ({
    API_PORT: String(await freePort()),
    LAMBDA_PORT: String(await freePort()),
    DYNAMODB_PORT: String(await freePort()),
    COGNITO_PORT: String(await freePort()),
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'market-start-'));
    busyPort = await freePort();
    busy = createServer().listen(busyPort, '127.0.0.1');
  });
  afterAll(() => {
    busy.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits non-zero with one line naming the port when a port is busy', async () => {
    const { output, exit } = spawnCollected('npm', ['start'], { ...(await ports()), API_PORT: String(busyPort), LOCAL_DIR: join(dir, 'busy') });
    expect(await exit).not.toBe(0);
    expect(ourLines(output.stderr)).toEqual([expect.stringMatching(new RegExp(`^Port ${busyPort} \\(the HTTP API, API_PORT\\) is busy`))]);
  });

  it('exits non-zero with one line when Java is missing', async () => {
    // a PATH holding node and a shell but no java
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const { output, exit } = spawnCollected(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      ...(await ports()),
      PATH: bin,
      LOCAL_DIR: join(dir, 'nojava'),
    });
    expect(await exit).not.toBe(0);
    expect(ourLines(output.stderr)).toEqual([expect.stringMatching(/^Java is needed for DynamoDB Local/)]);
  });
});
