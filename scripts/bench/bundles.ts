import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { readFunctions } from '../lib/infra';

/**
 * Per-function bundles built side by side in one run: `previous` is the build as it shipped before (CommonJS for
 * node20, minified, every zod locale, a linked source map, run with --enable-source-maps); `current` is what
 * `osls package` builds now (esbuild.config.cjs); `runtimeSdk` is `current` leaving the AWS SDK to the Lambda
 * runtime (the decision between the two is measured here).
 */
const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../esbuild.config.cjs');

export type Variant = 'previous' | 'current' | 'runtimeSdk';
export interface Built {
  name: string;
  variant: Variant;
  file: string;
  bytes: number;
  mapBytes: number;
}

const variants: Record<Variant, esbuild.BuildOptions> = {
  previous: { bundle: true, minify: true, sourcemap: true, target: 'node20', platform: 'node', format: 'cjs' },
  current: { ...config.esbuildOptions, outExtension: { '.js': '.mjs' }, sourcemap: 'external', plugins: [config.zodEnglishOnly, config.lambdaCredentials] },
  runtimeSdk: {
    ...config.esbuildOptions,
    outExtension: { '.js': '.mjs' },
    sourcemap: 'external',
    plugins: [config.zodEnglishOnly],
    external: ['@aws-sdk/*', '@smithy/*'],
  },
};

/** Builds every function (or those named) in each variant under `.bench/build/<variant>/`. */
export const buildAll = async (only?: string[], which: Variant[] = ['previous', 'current', 'runtimeSdk']) => {
  const out: Built[] = [];
  for (const variant of which) {
    const dir = join(ROOT, '.bench', 'build', variant);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const fn of readFunctions().filter((f) => !only || only.includes(f.name))) {
      const outdir = join(dir, fn.name);
      await esbuild.build({ ...variants[variant], entryPoints: [join(ROOT, fn.handlerFile)], outdir, logLevel: 'silent' });
      const base = fn.handlerFile.split('/').pop()!.replace(/\.ts$/, variant === 'previous' ? '.js' : '.mjs');
      const file = join(outdir, base);
      let mapBytes = 0;
      try {
        mapBytes = statSync(`${file}.map`).size;
      } catch {
        // no map
      }
      out.push({ name: fn.name, variant, file, bytes: statSync(file).size, mapBytes });
    }
  }
  await esbuild.stop();
  return out;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Time to load a bundle in a fresh Node process (module evaluation: the SDK clients, zod schemas, configuration),
 * median of `runs`. With `firstCall`, the handler is then called once with the event from BENCH_EVENT.
 */
export const coldStart = (built: Built, env: Record<string, string>, runs: number, firstCall?: () => { event: unknown }) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const call = firstCall?.();
    const script = `
      const { performance } = require('node:perf_hooks');
      const { pathToFileURL } = require('node:url');
      const t0 = performance.now();
      import(pathToFileURL(process.env.BENCH_FILE).href).then(async (m) => {
        const handler = m.handler ?? m.default?.handler;
        if (process.env.BENCH_EVENT) {
          const res = await handler(JSON.parse(process.env.BENCH_EVENT), { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 10000 });
          if (!res || res.statusCode >= 300) { console.error(JSON.stringify(res)); process.exit(2); }
        }
        process.stdout.write(String(performance.now() - t0));
        process.exit(0);
      });`;
    const run = spawnSync(process.execPath, ['-e', script], {
      env: {
        ...process.env,
        ...env,
        BENCH_FILE: built.file,
        BENCH_EVENT: call ? JSON.stringify(call.event) : '',
        NODE_OPTIONS: built.variant === 'previous' ? '--enable-source-maps' : '',
      },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`${built.name} (${built.variant}) failed: ${run.stderr}`);
    times.push(Number(run.stdout));
  }
  return median(times);
};
