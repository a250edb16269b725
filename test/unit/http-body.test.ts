import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonBody, MAX_BODY_DEPTH } from '../../lib/http/middleware/body';
import { msg } from '../../lib/i18n';
import { apiEvent, stackOf } from '../support/api-event';

const schema = z.strictObject({ planId: z.string().min(1), quantity: z.number().int().positive().default(1), extra: z.unknown().optional() });
const post = (body: unknown, headers: Record<string, string> = {}) => apiEvent({ method: 'POST', path: '/orders', body, headers });
const nested = (depth: number) => `{"planId":"p","extra":${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}}`;

describe('the JSON body middleware', () => {
  it('hands on the body as sent and as parsed, defaults applied', async () => {
    const { body: state } = await stackOf([jsonBody(schema)])(post({ planId: 'basic' }));
    expect(state.rawBody).toEqual({ planId: 'basic' });
    expect(state.body).toEqual({ planId: 'basic', quantity: 1 });
  });

  it('parses a missing body as {} against the schema, and leaves it undefined without one', async () => {
    await expect(stackOf([jsonBody(schema)])(post(undefined))).rejects.toMatchObject({ status: 400, errors: [{ path: 'planId' }] });
    const { body: state } = await stackOf([jsonBody()])(apiEvent());
    expect(state.rawBody).toBeUndefined();
    expect(state.body).toBeUndefined();
  });

  it('reads a base64-encoded body', async () => {
    const event = { ...post(Buffer.from('{"planId":"b64"}').toString('base64')), isBase64Encoded: true };
    expect((await stackOf([jsonBody(schema)])(event)).body.body).toEqual({ planId: 'b64', quantity: 1 });
  });

  it('refuses a body that is not JSON, even on a route that expects none', async () => {
    for (const run of [stackOf([jsonBody(schema)]), stackOf([jsonBody()])]) {
      await expect(run(post('{"planId":'))).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ path: '(body)', message: msg('field.notJson') }] });
    }
  });

  it(`admits ${MAX_BODY_DEPTH} levels of nesting and refuses one more before parsing`, async () => {
    const run = stackOf([jsonBody(schema)]);
    expect((await run(post(nested(MAX_BODY_DEPTH)))).status).toBe(200);
    await expect(run(post(nested(MAX_BODY_DEPTH + 1)))).rejects.toMatchObject({
      status: 400,
      errors: [{ path: '(body)', message: msg('field.nestedTooDeep', { max: MAX_BODY_DEPTH }) }],
    });
    // 30 000 levels are refused as quickly, without a stack overflow
    await expect(run(post(nested(30_000)))).rejects.toMatchObject({ status: 400 });
  });

  it('does not count brackets inside strings, escaped quotes included', async () => {
    const text = JSON.stringify({ planId: `\\"${'['.repeat(100)}`, extra: 'x' });
    expect((await stackOf([jsonBody(schema)])(post(text))).body.body.planId).toBe(`\\"${'['.repeat(100)}`);
  });

  it('names unknown and invalid fields', async () => {
    const err = await stackOf([jsonBody(schema)])(post({ planId: '', quantity: 0, colour: 'red' })).catch((e) => e);
    expect(err.errors.map((e: { path: string }) => e.path).sort()).toEqual(['(body)', 'planId', 'quantity']);
    expect(err.errors.find((e: { path: string }) => e.path === '(body)').message).toEqual(msg('field.unknownKeys', { keys: ['colour'] }));
  });
});
