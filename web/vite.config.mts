import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** Where the API reference page (`GET /docs` on the API, lib/docs/reference.ts) loads its renderer from. */
const REDOC_FILE = 'docs/redoc.standalone.js';

/**
 * Redoc's standalone bundle (1 MB) copied into the build as a static file, so the console's hosting serves it
 * (sirv locally, S3 + CloudFront deployed) and no function has to carry it.
 */
const redocRenderer = (): Plugin => ({
  name: 'redoc-renderer',
  apply: 'build',
  generateBundle() {
    const source = readFileSync(fileURLToPath(new URL('../node_modules/redoc/bundles/redoc.standalone.js', import.meta.url)));
    this.emitFile({ type: 'asset', fileName: REDOC_FILE, source });
  },
});

/** The console: a static single-page app; its runtime configuration comes from /config.json at boot. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), redocRenderer()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 5173 },
});
