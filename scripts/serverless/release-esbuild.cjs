// A local osls plugin, listed after serverless-esbuild: once the functions are bundled for serverless-offline,
// stop esbuild's service process. It holds hundreds of MB after a build and nothing rebuilds while the local
// stack runs (no watch; restart `npm start` to pick up a change). Another build would simply start it again.
class ReleaseEsbuild {
  constructor() {
    const release = () => require('esbuild').stop();
    this.hooks = { 'before:offline:start': release, 'before:offline:start:init': release };
  }
}
module.exports = ReleaseEsbuild;
