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

  it('puts the JWT authorizer on every route but the public catalogue', () => {
    const open = readHttpRoutes().filter((r) => !r.authorized).map((r) => r.route).sort();
    expect(open).toEqual(['GET /products', 'GET /products/{productId}', 'GET /products/{productId}/reviews']);
  });

  it('keeps docs/openapi.json up to date (npm run openapi)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
