import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';

/**
 * Reusing a build when nothing it was made from changed. A record beside the build lists every source file the
 * build read (from esbuild's metafiles, from Rollup's module graph) and the files that shape every build (the
 * lockfile for node_modules, the build's configuration), each with its SHA-256. The build is reused when every
 * recorded file still has its hash and the expected outputs exist; a new source file only matters once a
 * recorded one imports it, which changes that one's hash. Files under node_modules are covered by the lockfile.
 */
export const ROOT = join(__dirname, '..', '..');

export interface BuildRecord {
  /** project-relative path → SHA-256 of its content */
  files: Record<string, string>;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const projectPath = (file: string) => (isAbsolute(file) ? relative(ROOT, file) : file).split('\\').join('/');

/** The source files among `read` (node_modules and virtual modules left out) plus `always`, with their hashes. */
export const fingerprint = (read: Iterable<string>, always: string[]): BuildRecord => {
  const files: Record<string, string> = {};
  for (const file of [...read, ...always]) {
    const path = projectPath(file.replace(/\?.*$/, ''));
    if (path.startsWith('..') || path.includes('node_modules/') || path.startsWith('\0') || files[path]) continue;
    const absolute = join(ROOT, path);
    if (!existsSync(absolute)) continue;
    files[path] = sha(absolute);
  }
  return { files };
};

export const writeRecord = (recordFile: string, record: BuildRecord) => {
  mkdirSync(dirname(recordFile), { recursive: true });
  writeFileSync(recordFile, JSON.stringify(record, null, 1) + '\n');
};

/** Why the build at `recordFile` cannot be reused, or undefined when it can. */
export const staleBecause = (recordFile: string, outputs: string[], always: string[]): string | undefined => {
  if (!existsSync(recordFile)) return 'no earlier build';
  let record: BuildRecord;
  try {
    record = JSON.parse(readFileSync(recordFile, 'utf8')) as BuildRecord;
  } catch {
    return 'its record is unreadable';
  }
  const missing = outputs.find((output) => !existsSync(output));
  if (missing) return `${projectPath(missing)} is missing`;
  for (const file of always) if (!record.files[projectPath(file)]) return `${projectPath(file)} was not recorded`;
  for (const [path, hash] of Object.entries(record.files)) {
    const absolute = join(ROOT, path);
    if (!existsSync(absolute) || sha(absolute) !== hash) return `${path} changed`;
  }
  return undefined;
};

/** Every file under `dir` whose name ends with `suffix`. */
export const filesUnder = (dir: string, suffix: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? filesUnder(join(dir, entry.name), suffix) : entry.name.endsWith(suffix) ? [join(dir, entry.name)] : [],
      )
    : [];

/** What shapes every function bundle besides the sources it reads. */
export const BUNDLE_CONFIG = ['package-lock.json', 'serverless.yml', 'esbuild.config.cjs', 'tsconfig.json', 'scripts/serverless/release-esbuild.cjs'];
const bundleRecord = (workFolder: string) => join(ROOT, workFolder, 'inputs.json');

/** Why the bundles in `workFolder` cannot serve again (undefined: they can), for the functions' handler files. */
export const bundlesStale = (workFolder: string, handlerFiles: string[]) =>
  staleBecause(
    bundleRecord(workFolder),
    handlerFiles.map((file) => join(ROOT, workFolder, '.build', file.replace(/\.ts$/, '.mjs'))),
    BUNDLE_CONFIG,
  );

/** Records what the bundles just built in `workFolder` were made from (esbuild's metafiles beside them). */
export const recordBundles = (workFolder: string) => {
  const read = new Set<string>();
  for (const meta of filesUnder(join(ROOT, workFolder, '.build'), '-meta.json')) {
    for (const input of Object.keys((JSON.parse(readFileSync(meta, 'utf8')) as { inputs: Record<string, unknown> }).inputs)) read.add(input);
  }
  writeRecord(bundleRecord(workFolder), fingerprint(read, BUNDLE_CONFIG));
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes `workFolder` for this process while its stack runs (a lock file beside it holding the pid): a second
 * stack must not rebuild bundles the first one serves. Returns the release, or undefined when a live process
 * holds it. A lock left by a process that is gone is taken over.
 */
export const lockWorkFolder = (workFolder: string): (() => void) | undefined => {
  const lock = join(ROOT, `${workFolder}.lock`);
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      const release = () => rmSync(lock, { force: true });
      // whatever ends this process (a library's signal handler may exit before the graceful stop is done)
      process.once('exit', release);
      return release;
    } catch {
      const holder = Number(readFileSync(lock, 'utf8'));
      if (holder && alive(holder)) return undefined;
      rmSync(lock, { force: true });
    }
  }
  return undefined;
};
