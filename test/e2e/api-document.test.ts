import { describe, expect, inject, it } from 'vitest';
import { api } from '../support/api';

describe.skipIf(!inject('stack').apiUrl)('the API document over HTTP', () => {
  it('serves /openapi.json with the answering API (`/`) as its first server', async () => {
    const res = await api('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.servers[0].url).toBe('/');
  });

  it('serves the reference page, whose renderer is one of the console’s static files', async () => {
    const page = await api('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(/<script src="([^"]+)"/.exec(page.body)![1]).toMatch(/^https?:\/\/[^/]+\/docs\/redoc\.standalone\.js$/);
  });
});
