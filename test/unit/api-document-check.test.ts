import { describe, expect, it } from 'vitest';
import { assertDocumented, routeForPath } from '../support/openapi';

const problem = (status: number, extra: Record<string, unknown> = {}) => ({
  type: 'https://errors.marketplace.example/x',
  title: 'T',
  status,
  code: 'X',
  detail: 'd',
  instance: '/orders/01J0000000000000000000000/urge',
  ...extra,
});
const problemHeaders = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/problem+json', ...extra });

describe('the API document check that every integration test answer passes through', () => {
  it('accepts a problem as the middleware sends it, with instance and extension members', () => {
    expect(() =>
      assertDocumented('POST /orders/{orderId}/urge', {
        status: 409,
        headers: problemHeaders(),
        body: problem(409, { currentStatus: 'completed' }),
      }),
    ).not.toThrow();
  });

  it('fails on a status the route does not document', () => {
    expect(() => assertDocumented('GET /products', { status: 409, headers: problemHeaders(), body: problem(409) })).toThrow(/does not list status 409/);
  });

  it('fails on a 429 or 503 without Retry-After, and a 401 without WWW-Authenticate', () => {
    expect(() => assertDocumented('POST /orders/{orderId}/urge', { status: 429, headers: problemHeaders(), body: problem(429) })).toThrow(/Retry-After/);
    expect(() => assertDocumented('GET /products', { status: 503, headers: problemHeaders(), body: problem(503) })).toThrow(/Retry-After/);
    expect(() => assertDocumented('GET /buyer/orders', { status: 401, headers: problemHeaders(), body: problem(401) })).toThrow(/WWW-Authenticate/);
  });

  it('fails on a success body with a field the schema does not have, or without one it requires', () => {
    const page = { items: [], nextCursor: null };
    expect(() => assertDocumented('GET /products', { status: 200, headers: { 'content-type': 'application/json' }, body: page })).not.toThrow();
    expect(() =>
      assertDocumented('GET /products', { status: 200, headers: { 'content-type': 'application/json' }, body: { ...page, total: 3 } }),
    ).toThrow(/additional/);
    expect(() => assertDocumented('GET /products', { status: 200, headers: { 'content-type': 'application/json' }, body: { items: [] } })).toThrow(
      /nextCursor/,
    );
  });

  it('fails on a content type the document does not give', () => {
    expect(() => assertDocumented('GET /products', { status: 200, headers: { 'content-type': 'text/plain' }, body: 'x' })).toThrow(/text\/plain/);
  });

  it('finds the route template of a concrete path, literal segments first', () => {
    expect(routeForPath('POST', '/orders/01J0000000000000000000000/urge')).toBe('POST /orders/{orderId}/urge');
    expect(routeForPath('GET', '/provider/webhook/deliveries?limit=5')).toBe('GET /provider/webhook/deliveries');
    expect(routeForPath('GET', '/nowhere')).toBeUndefined();
  });
});
