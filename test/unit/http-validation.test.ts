import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validation } from '../../lib/http/middleware/validation';
import { apiEvent, stackOf } from '../support/api-event';

const params = z.object({ productId: z.string().regex(/^[0-9A-Z]{26}$/) });
const query = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(20), status: z.enum(['listed', 'delisted']).optional() });
const ID = '01JZZZZZZZZZZZZZZZZZZZZZZZ';

describe('the validation middleware (path and query)', () => {
  it('hands on the parsed path and query, defaults applied and numbers coerced', async () => {
    const { body: state } = await stackOf([validation({ params, query })])(apiEvent({ params: { productId: ID }, query: { limit: '5' } }));
    expect(state.params).toEqual({ productId: ID });
    expect(state.query).toEqual({ limit: 5 });
  });

  it('answers 404, never 400, for an id that cannot exist', async () => {
    const run = stackOf([validation({ params, query })]);
    await expect(run(apiEvent({ params: { productId: 'not-an-id' }, query: { limit: 'x' } }))).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: 'The resource was not found.',
    });
  });

  it('answers 400 naming every offending query field', async () => {
    const run = stackOf([validation({ query })]);
    const err = await run(apiEvent({ query: { limit: '500', status: 'gone', extra: '1' } })).catch((e) => e);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(err.errors.map((e: { path: string }) => e.path).sort()).toEqual(['(body)', 'limit', 'status']);
  });

  it('writes zod’s field messages in Chinese for a Chinese request', async () => {
    const run = stackOf([validation({ query })]);
    const err = await run(apiEvent({ query: { limit: '500' }, headers: { 'Accept-Language': 'zh-CN' } })).catch((e) => e);
    expect(err.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('leaves params and query undefined on a route without schemas', async () => {
    const { body: state } = await stackOf([validation({})])(apiEvent({ query: { anything: 'goes' } }));
    expect(state.params).toBeUndefined();
    expect(state.query).toBeUndefined();
  });
});
