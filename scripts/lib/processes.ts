import type { ChildProcess } from 'node:child_process';

/** Every child the local stack started, from the moment it is spawned (a signal may arrive while it starts). */
const tracked = new Set<ChildProcess>();

// The last resort: whatever ends this process (a library's own signal handler calling process.exit, say
// Vite's preview server on SIGTERM), no child outlives it holding a port. A graceful stop has already
// removed the children it stopped from the set.
process.on('exit', () => {
  for (const child of tracked) child.kill('SIGKILL');
});

/** Registers a child so that `stopChildren` stops it; returns it. */
export const track = <C extends ChildProcess>(child: C): C => {
  tracked.add(child);
  child.once('exit', () => tracked.delete(child));
  return child;
};

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
export const stopChild = (child: ChildProcess, graceMs = 5000) =>
  new Promise<void>((resolve) => {
    if (exited(child) || child.pid === undefined) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });

/** Stops every tracked child (newest first, all at once) and waits until each has exited. */
export const stopChildren = async (graceMs = 5000) => {
  await Promise.all([...tracked].reverse().map((child) => stopChild(child, graceMs)));
};

/**
 * Runs `stop` once on SIGINT, SIGTERM or SIGHUP and exits with `code` afterwards; a second signal kills every
 * tracked child at once and exits.
 * Returns the same shutdown for fatal errors (`shutdown(1)`), so that nothing is left holding a port.
 */
let stopping: Promise<void> | undefined;

/** True once a shutdown has begun (a child exiting then is expected, not a failure). */
export const shuttingDown = () => stopping !== undefined;

export const onShutdown = (stop: () => Promise<void>) => {
  const shutdown = (code: number) => {
    if (stopping) return stopping;
    process.exitCode = code;
    stopping = stop()
      .catch((err) => console.error(`While stopping: ${(err as Error).message}`))
      .finally(() => process.exit(code));
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // a second signal (a process manager, or `pkill -f` reaching a wrapper that relays it) must not leave
      // the children behind holding their ports: kill them outright, then exit
      if (stopping) {
        for (const child of tracked) child.kill('SIGKILL');
        process.exit(process.exitCode ?? 1);
      }
      // a requested stop is a clean one
      void shutdown(0);
    });
  }
  return shutdown;
};
