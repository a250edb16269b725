import { vi } from 'vitest';

/** What Powertools prints (its logger and metrics write to stdout/stderr directly), as parsed JSON lines. */
export const captureOutput = () => {
  const text: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      text.push(String(chunk));
      return true;
    }),
  );
  return {
    text: () => text.join(''),
    lines: () =>
      text
        .join('')
        .split('\n')
        .filter((l) => l.trim().startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, any>),
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
};
