import { describe, expect, it } from 'vitest';
import { handler as getDocument } from '../../functions/docs/openapi';
import { handler as getReference } from '../../functions/docs/reference';
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

  it('serves a reference page that loads the document and its renderer from this API, nothing from a CDN', async () => {
    const res = await invoke(getReference, { path: '/docs' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('spec-url="/openapi.json"');
    expect(res.body).toContain('<script src="/docs/redoc.standalone.js"></script>');
    expect(res.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves the renderer itself as JavaScript', async () => {
    const res = await invoke(getReference, { path: '/docs/redoc.standalone.js' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.body.length).toBeGreaterThan(500_000);
    expect(res.body).toContain('Redoc');
  });
});
