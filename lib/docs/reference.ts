/**
 * The API document as served, and its reference page rendered by Redoc's standalone bundle, which the console's
 * static hosting serves (its build copies it: web/vite.config.mts): nothing from a third-party CDN, and no
 * function carries the megabyte.
 */

/** Where the console serves the renderer. */
export const RENDERER_PATH = '/docs/redoc.standalone.js';

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

/** The reference page: a few hundred bytes loading the document from this API and the renderer from the console. */
export const referencePage = (consoleUrl: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Cloud marketplace back office · API reference</title>
    <style>body { margin: 0; }</style>
  </head>
  <body>
    <redoc spec-url="/openapi.json" hide-download-button="false" path-in-middle-panel="true"></redoc>
    <script src="${consoleUrl}${RENDERER_PATH}"></script>
  </body>
</html>
`;
