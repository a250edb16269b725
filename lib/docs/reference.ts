import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The API document as served, and its reference page rendered by Redoc's standalone bundle, which the
 * reference function ships beside its code (serverless.yml `package.patterns`): nothing from a CDN.
 */

export const RENDERER_PATH = '/docs/redoc.standalone.js';
const RENDERER_FILE = 'node_modules/redoc/bundles/redoc.standalone.js';

/** Where this request reached us: API Gateway and serverless-offline both send Host; API Gateway adds the scheme. */
export const originOf = (event: Pick<APIGatewayProxyEventV2, 'headers'>) => {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  if (!headers.host) return undefined;
  return `${headers['x-forwarded-proto'] ?? 'http'}://${headers.host}`;
};

interface Document {
  servers?: Array<{ url: string; description?: string }>;
}

/** The document with the deployment that answers as its first server, then the documented ones. */
export const servedDocument = <D extends Document>(document: D, origin: string | undefined): D => {
  if (!origin) return document;
  const others = (document.servers ?? []).filter((s) => s.url !== origin);
  return { ...document, servers: [{ url: origin, description: 'This deployment' }, ...others] };
};

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
