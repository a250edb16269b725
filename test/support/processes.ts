import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** `npm start` (or another command) in the project, with its output collected. */
export const spawnCollected = (command: string, args: string[], env: Record<string, string>) => {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d) => (output.stdout += d));
  child.stderr!.on('data', (d) => (output.stderr += d));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exit };
};

/** Resolves when `predicate` holds for the output, rejects when the process exits first or time runs out. */
export const waitForOutput = async (child: ChildProcess, output: { stdout: string }, predicate: (s: string) => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate(output.stdout)) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before it was ready:\n${output.stdout}`);
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms:\n${output.stdout}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

const parentOf = (pid: number) => {
  try {
    // the command may hold spaces and parentheses: the fields after the last ')' are fixed
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
};

/** Every live descendant of `pid` (Linux /proc), with its command line. */
export const descendants = (pid: number) => {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== undefined) parents.set(Number(entry), parent);
  }
  const found: Array<{ pid: number; command: string }> = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) {
      if (parent !== p) continue;
      let command = '';
      try {
        command = readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      } catch {
        // gone meanwhile
      }
      found.push({ pid: child, command });
      walk(child);
    }
  };
  walk(pid);
  return found;
};

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return state.slice(state.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};
