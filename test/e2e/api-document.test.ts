import { describe, expect, inject, it } from 'vitest';
import { api } from '../support/api';

describe.skipIf(!inject('stack').apiUrl)('the API document over HTTP', () => {
  it('serves /openapi.json with the answering API (`/`) as its first server', async () => {
    const res = await api('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.servers[0].url).toBe('/');
  });

  it('serves the reference page and its renderer from the API itself', async () => {
    const page = await api('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const src = /<script src="([^"]+)"/.exec(page.body)![1];
    const script = await api('GET', src);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(script.body.length).toBeGreaterThan(500_000);
  });
});
