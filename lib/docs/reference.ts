import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The API document as served, and its reference page rendered by Redoc's standalone bundle, which the
 * reference function ships beside its code (serverless.yml `package.patterns`): nothing from a CDN.
 */

export const RENDERER_PATH = '/docs/redoc.standalone.js';
const RENDERER_FILE = 'node_modules/redoc/bundles/redoc.standalone.js';

interface Document {
  servers?: Array<{ url: string; description?: string }>;
}

/**
 * The document as served: its first server is `/`, the API that served it, as a relative URL. Nothing of the
 * request (its `Host`) goes into the answer, so one cached copy is right for every host.
 */
export const servedDocument = <D extends Document>(document: D): D => ({
  ...document,
  servers: [{ url: '/', description: 'This deployment (the API that served this document)' }, ...(document.servers ?? []).filter((s) => s.url !== '/')],
});

export const referencePage = () => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Cloud marketplace back office · API reference</title>
    <style>body { margin: 0; }</style>
  </head>
  <body>
    <redoc spec-url="/openapi.json" hide-download-button="false" path-in-middle-panel="true"></redoc>
    <script src="${RENDERER_PATH}"></script>
  </body>
</html>
`;

let renderer: string | undefined;

/** Redoc's bundle, read once per instance: from the function's package when deployed, node_modules locally. */
export const rendererScript = (): string => {
  if (renderer !== undefined) return renderer;
  const roots = [process.env.LAMBDA_TASK_ROOT, process.cwd()].filter((r): r is string => !!r);
  const file = roots.map((r) => join(r, RENDERER_FILE)).find((f) => existsSync(f));
  if (!file) throw new Error(`the reference renderer is missing: ${RENDERER_FILE}`);
  renderer = readFileSync(file, 'utf8');
  return renderer;
};
