// A local osls plugin, listed after serverless-esbuild, for the local stack's bundles:
// - once the functions are bundled for serverless-offline, stop esbuild's service process. It holds hundreds of MB
//   after a build and nothing rebuilds while the local stack runs (no watch; restart `npm start` to pick up a
//   change). Another build would simply start it again.
// - with ESBUILD_REUSE_BUNDLES=1 (set by the local stack when no input of the bundles in the work folder changed,
//   scripts/lib/build-cache.ts), `osls offline` serves those bundles without building them again.
class ReleaseEsbuild {
  constructor(serverless) {
    const release = () => require('esbuild').stop();
    const reuse = () => {
      if (process.env.ESBUILD_REUSE_BUNDLES !== '1' || serverless.processedInput?.commands?.[0] !== 'offline') return;
      const esbuild = serverless.pluginManager.plugins.find((plugin) => plugin.constructor?.name === 'EsbuildServerlessPlugin');
      if (!esbuild) return;
      // the work folder exists already; serverless-esbuild's other offline steps (location, extras) still run
      esbuild.bundle = async function reuseBundles() {
        this.prepare();
      };
    };
    this.hooks = { initialize: reuse, 'before:offline:start': release, 'before:offline:start:init': release };
  }
}
module.exports = ReleaseEsbuild;
