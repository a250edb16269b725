import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_PORTS } from '../../scripts/lib/compose';
import { freePorts } from '../../scripts/lib/stack';
import { spawnCollected } from '../support/processes';

// `npm start` refusing to start: it must say why in one line and exit non-zero (a script or an IDE sees the failure).
const ourLines = (text: string) =>
  text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('npm ') && !l.startsWith('>'));

/** Every port variable of the stack set to a free port (so a running `npm start` does not disturb the test). */
const freeStackPorts = async () => {
  const specs = Object.values(STACK_PORTS);
  const ports = await freePorts(specs.length);
  return Object.fromEntries(specs.map((spec, i) => [spec.env, String(ports[i])]));
};

describe('npm start when it cannot start', () => {
  let dir: string;
  const busy: Server[] = [];
  let busyPorts: number[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'market-start-'));
    busyPorts = await freePorts(2);
    for (const port of busyPorts) busy.push(createServer().listen(port, '127.0.0.1'));
  });
  afterAll(() => {
    for (const server of busy) server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits non-zero with one line naming every busy port', async () => {
    const env = { ...(await freeStackPorts()), API_PORT: String(busyPorts[0]), CONSOLE_PORT: String(busyPorts[1]), LOCAL_DIR: join(dir, 'busy') };
    const { output, exit } = spawnCollected('npm', ['start'], env);
    expect(await exit).not.toBe(0);
    const lines = ourLines(output.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Ports .* are busy: stop what uses them/);
    expect(lines[0]).toContain(`${busyPorts[0]} (the HTTP API, API_PORT)`);
    expect(lines[0]).toContain(`${busyPorts[1]} (the console, CONSOLE_PORT)`);
  });

  it('exits non-zero with one line when Java is missing', async () => {
    // a PATH holding node and a shell but no java
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const { output, exit } = spawnCollected(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      ...(await freeStackPorts()),
      PATH: bin,
      LOCAL_DIR: join(dir, 'nojava'),
    });
    expect(await exit).not.toBe(0);
    expect(ourLines(output.stderr)).toEqual([expect.stringMatching(/^Java is needed for DynamoDB Local/)]);
  });
});
