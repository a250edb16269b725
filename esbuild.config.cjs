// serverless-esbuild's build options (custom.esbuild.config in serverless.yml), chosen by the command:
// - `osls package` / `osls deploy`: per-function ESM bundles for node22, tree-shaken and minified, only zod's
//   English messages; source maps end up beside the zips (`<package dir>/sourcemaps/`), never inside one.
// - `osls offline` / `osls invoke local`: the same bundles, built once (no incremental contexts, no file watch:
//   restart `npm start` to pick up a change), with linked source maps for readable local stack traces.
// Each command bundles into a folder of its own, so packaging never deletes what a running stack serves.
// `scripts/lib/bundles.ts` (the bench) builds with the same `esbuildOptions`.
const { mkdirSync, readdirSync, renameSync, statSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

/** zod v4's index re-exports every locale (≈ 258 KB minified); the messages we use are English. */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /[\\/]locales[\\/]index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), args.path.replace(/index\.js$/, 'en.js')), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/** Deployed only: the credential chain reduced to the environment, which is where Lambda puts the role's keys. */
const lambdaCredentials = {
  name: 'lambda-credentials',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: join(__dirname, 'scripts', 'serverless', 'lambda-credentials.mjs') }));
  },
};

/** Moves each bundle's source map out of the folder that gets zipped, into `target` (a build artefact). */
const sourcemapsTo = (target, buildRoot) => ({
  name: 'sourcemaps-out-of-the-zip',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const outdir = build.initialOptions.outdir;
      for (const name of readdirSync(outdir)) {
        const from = join(outdir, name);
        if (!name.endsWith('.map') || !statSync(from).isFile()) continue;
        const to = join(target, relative(buildRoot, from));
        mkdirSync(dirname(to), { recursive: true });
        renameSync(from, to);
      }
    });
  },
});

/** The esbuild options shared by the deployed and the local builds (and the bench). */
const esbuildOptions = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  // A CommonJS dependency that calls require() at run time still finds it in an ES module.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
};

/** Where a packaging run's source maps wait until the package is complete. */
const SOURCEMAPS = '.esbuild/sourcemaps';

const config = (serverless) => {
  const commands = serverless?.processedInput?.commands ?? [];
  const local = commands[0] === 'offline' || commands[0] === 'invoke';
  const serviceDir = serverless?.config?.serviceDir ?? process.cwd();
  const workFolder = process.env.ESBUILD_WORK_FOLDER || (local ? '.esbuild/local' : '.esbuild/package');
  return {
    ...esbuildOptions,
    outputFileExtension: '.mjs',
    sourcemap: local ? 'linked' : 'external',
    // locally each bundle's inputs are recorded, so that a restart with nothing changed reuses the bundles
    metafile: local,
    exclude: [],
    packager: 'npm',
    outputWorkFolder: workFolder,
    // one build per function, a few at a time; no incremental state kept in memory afterwards
    concurrency: 4,
    skipRebuild: true,
    watch: { pattern: [] },
    // the maps wait beside the work folder (which is removed after packaging); scripts/serverless/operations.cjs
    // moves them into the package folder next to the zips and the templates
    plugins: local ? [zodEnglishOnly] : [zodEnglishOnly, lambdaCredentials, sourcemapsTo(join(serviceDir, SOURCEMAPS), join(serviceDir, workFolder, '.build'))],
  };
};

module.exports = config;
module.exports.esbuildOptions = esbuildOptions;
module.exports.zodEnglishOnly = zodEnglishOnly;
module.exports.lambdaCredentials = lambdaCredentials;
module.exports.SOURCEMAPS = SOURCEMAPS;
