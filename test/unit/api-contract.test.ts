import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRoutes, openApiDocument } from '../../lib/openapi';
import { readHttpRoutes } from '../../scripts/lib/infra';

const documented = Object.entries(apiRoutes).flatMap(([path, item]) =>
  Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`),
);

describe('the API contract', () => {
  it('documents exactly the routes serverless.yml deploys', () => {
    expect(readHttpRoutes().map((r) => r.route).sort()).toEqual(documented.sort());
  });

  it('puts the JWT authorizer on every route but the public catalogue and the API document', () => {
    const open = readHttpRoutes().filter((r) => !r.authorized).map((r) => r.route).sort();
    expect(open).toEqual(['GET /docs', 'GET /openapi.json', 'GET /products', 'GET /products/{productId}', 'GET /products/{productId}/reviews']);
  });

  it('gives every JSON success answer a closed schema, so a generated client gets its types', () => {
    const doc = JSON.parse(JSON.stringify(openApiDocument()));
    const resolve = (schema: any): any => (schema?.$ref ? resolve(schema.$ref.split('/').slice(1).reduce((n: any, p: string) => n[p], doc)) : schema);
    const open = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        Object.entries(operation.responses as Record<string, any>)
          .filter(([status]) => status.startsWith('2'))
          .map(([status, response]) => ({ route: `${method.toUpperCase()} ${path} ${status}`, schema: resolve(response.content?.['application/json']?.schema) }))
          .filter(({ schema }) => schema && (schema.type !== 'object' || schema.additionalProperties !== false))
          .map(({ route }) => route),
      ),
    );
    expect(open).toEqual(['GET /openapi.json 200']);
  });

  it('lists 500 and 503 with Retry-After on every route that reads the table, and 401 on every authorized route', () => {
    const doc = JSON.parse(JSON.stringify(openApiDocument()));
    for (const { route, authorized } of readHttpRoutes()) {
      const [method, path] = route.split(' ');
      const responses = doc.paths[path][method.toLowerCase()].responses;
      expect(responses['500'], route).toBeDefined();
      if (!path.startsWith('/docs') && path !== '/openapi.json') expect(responses['503'], route).toEqual({ $ref: '#/components/responses/Unavailable' });
      if (authorized) expect(responses['401'], route).toEqual({ $ref: '#/components/responses/Unauthenticated' });
    }
    expect(doc.components.responses.Unavailable.headers['Retry-After'].required).toBe(true);
    expect(doc.servers[0].url).toMatch(/^http/);
  });

  it('keeps docs/openapi.json up to date (npm run openapi)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
