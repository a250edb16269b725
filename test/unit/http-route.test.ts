import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ok, route } from '../../lib/http/route';
import { apiEvent, lambdaContext } from '../support/api-event';

// The composed stack, no stack behind it: routes whose requests never reach the token verifier or the table.
const params = z.object({ productId: z.string().regex(/^[0-9A-Z]{26}$/) });
const query = z.strictObject({ limit: z.coerce.number().int().max(50).optional() });
const body = z.strictObject({ note: z.string() });
const ID = '01JZZZZZZZZZZZZZZZZZZZZZZZ';

const publicRoute = route({ access: 'public', params, query, body }, async (req) => ok({ params: req.params, query: req.query, body: req.body }));
const providerRoute = route({ access: ['provider'], params, body }, async () => ok({}));

const call = async (handler: typeof publicRoute, patch: Parameters<typeof apiEvent>[0]) => {
  const result = (await handler(apiEvent({ method: 'POST', path: `/products/${patch?.params?.productId ?? ID}`, ...patch }), lambdaContext())) as {
    statusCode: number;
    headers: Record<string, string>;
    body: string;
  };
  return { status: result.statusCode, headers: result.headers, body: result.body ? JSON.parse(result.body) : undefined };
};

describe('route(): the middlewares composed', () => {
  it('hands the action the parsed path, query and body, and answers JSON', async () => {
    const res = await call(publicRoute, { params: { productId: ID }, query: { limit: '5' }, body: { note: 'hi' } });
    expect(res).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' },
      body: { params: { productId: ID }, query: { limit: 5 }, body: { note: 'hi' } },
    });
  });

  it('decides which refusal wins as before: token, then path, then query, then body, then Idempotency-Key', async () => {
    const bad = { params: { productId: 'nope' }, query: { limit: '500' }, body: '{"note":', headers: { 'Idempotency-Key': 'has space' } };
    expect((await call(providerRoute, bad)).status).toBe(401);
    expect((await call(publicRoute, bad)).status).toBe(404);
    const fromQuery = await call(publicRoute, { ...bad, params: { productId: ID } });
    expect(fromQuery.body.errors.map((e: { path: string }) => e.path)).toEqual(['limit']);
    const fromBody = await call(publicRoute, { ...bad, params: { productId: ID }, query: {} });
    expect(fromBody.body.errors.map((e: { path: string }) => e.path)).toEqual(['(body)']);
    const fromKey = await call(publicRoute, { ...bad, params: { productId: ID }, query: {}, body: { note: 'x' } });
    expect(fromKey.body.errors.map((e: { path: string }) => e.path)).toEqual(['Idempotency-Key']);
  });

  it('answers every refusal as problem+json in the request’s language, with its headers', async () => {
    const res = await call(providerRoute, { params: { productId: ID }, headers: { 'Accept-Language': 'zh-CN' } });
    expect(res.status).toBe(401);
    expect(res.headers).toMatchObject({ 'content-type': 'application/problem+json', 'content-language': 'zh-CN', 'www-authenticate': 'Bearer' });
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', instance: `/products/${ID}` });
  });
});
