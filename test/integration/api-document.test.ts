import { describe, expect, it } from 'vitest';
import { handler as getDocument } from '../../functions/docs/openapi';
import { handler as getReference } from '../../functions/docs/reference';
import { config } from '../../lib/config';
import { openApiDocument } from '../../lib/openapi';
import { invoke } from '../support/http';

describe('the API document and its reference page', () => {
  it('serves the document, with the API that answers (`/`) as its first server, then the documented ones', async () => {
    const res = await invoke(getDocument, { path: '/openapi.json', headers: { host: 'abc.execute-api.eu-west-1.amazonaws.com', 'x-forwarded-proto': 'https' } });
    expect(res.status).toBe(200);
    expect(res.body.paths).toEqual(JSON.parse(JSON.stringify(openApiDocument().paths)));
    expect(res.body.servers[0]).toEqual({ url: '/', description: 'This deployment (the API that served this document)' });
    expect(res.body.servers.map((s: { url: string }) => s.url)).toEqual(['/', 'http://127.0.0.1:3000']);
  });

  it('serves a small reference page that loads the document from this API and its renderer from the console', async () => {
    const res = await invoke(getReference, { path: '/docs' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('spec-url="/openapi.json"');
    expect(res.body).toContain(`<script src="${config.consoleUrl}/docs/redoc.standalone.js"></script>`);
    expect(res.body.length).toBeLessThan(2_000);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
