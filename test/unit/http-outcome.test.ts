import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConflictError, ServiceUnavailableError } from '../../lib/http/errors';
import { msg } from '../../lib/i18n';
import { outcome } from '../../lib/http/middleware/outcome';
import { problemAnswers } from '../../lib/http/middleware/problem';
import { response, toResult } from '../../lib/http/middleware/response';
import { logger } from '../../lib/observability/logger';
import { apiEvent, stackOf } from '../support/api-event';
import { captureOutput } from '../support/output';

const command = apiEvent({ method: 'POST', path: '/orders/01JZ/start', requestId: 'req-outcome' });

const run = async (answer: () => Promise<{ status: number }>) => {
  const count = vi.fn();
  const output = captureOutput();
  try {
    await stackOf([outcome(count), problemAnswers()], answer)(command);
  } finally {
    output.restore();
  }
  return { count, lines: output.lines() };
};

describe('the outcome middleware', () => {
  // the level under test, whatever the environment asks for
  beforeEach(() => logger.setLogLevel('INFO'));
  afterEach(() => logger.resetKeys());

  it('logs an accepted answer at INFO with its status and time, and counts it', async () => {
    const { count, lines } = await run(async () => ({ status: 201 }));
    expect(count).toHaveBeenCalledWith('POST /orders/01JZ/start', 'POST', 201);
    expect(lines).toEqual([expect.objectContaining({ level: 'INFO', message: 'answered', status: 201, route: 'POST /orders/01JZ/start', requestId: 'req-outcome' })]);
    expect(lines[0].ms).toBeGreaterThanOrEqual(0);
  });

  it('logs a refusal at INFO with its code, and counts it with the code', async () => {
    const { count, lines } = await run(async () => Promise.reject(new ConflictError('INVALID_STATE', msg('detail.orderChanged'))));
    expect(count).toHaveBeenCalledWith('POST /orders/01JZ/start', 'POST', 409, 'INVALID_STATE');
    expect(lines).toEqual([expect.objectContaining({ level: 'INFO', message: 'refused', status: 409, code: 'INVALID_STATE' })]);
  });

  it('counts a failure; its ERROR line comes from the problem middleware alone', async () => {
    const { count, lines } = await run(async () => Promise.reject(new ServiceUnavailableError(msg('detail.issuerUnreachable'), 2)));
    expect(count).toHaveBeenCalledWith('POST /orders/01JZ/start', 'POST', 503, 'SERVICE_UNAVAILABLE');
    expect(lines.map((l) => [l.level, l.message])).toEqual([['ERROR', 'domain failure']]);
  });
});

describe('the response middleware', () => {
  it('sends JSON unless the reply says otherwise, and a raw body as is', () => {
    expect(toResult({ status: 200, body: { a: 1 } })).toEqual({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(toResult({ status: 204 })).toEqual({ statusCode: 204, headers: { 'content-type': 'application/json' }, body: '' });
    expect(toResult({ status: 200, raw: 'a,b\n', body: { ignored: true }, headers: { 'content-type': 'text/csv' } })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/csv' },
      body: 'a,b\n',
    });
  });

  it('serializes accepted answers and problems alike', async () => {
    const ok = await stackOf([response()], async () => ({ status: 302, headers: { location: 'https://x' } }))(command);
    expect(ok).toEqual({
      statusCode: 302,
      headers: { 'content-type': 'application/json', location: 'https://x', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' },
      body: '',
    });
    const refused = await stackOf([response(), problemAnswers()], async () => Promise.reject(new ConflictError('X', msg('detail.orderChanged'))))(command);
    expect(refused.statusCode).toBe(409);
    expect(JSON.parse(refused.body).code).toBe('X');
    expect(refused.headers).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  });

  it('lets a public answer keep the caching its reply chose, and stores no private answer whatever it says', async () => {
    const cached = { status: 200, body: [], headers: { 'cache-control': 'public, max-age=60' } };
    expect((await stackOf([response('public')], async () => cached)(command)).headers).toMatchObject({ 'cache-control': 'public, max-age=60' });
    expect((await stackOf([response('public')], async () => ({ status: 200, body: [] }))(command)).headers).not.toHaveProperty('cache-control');
    expect((await stackOf([response('private')], async () => cached)(command)).headers).toMatchObject({ 'cache-control': 'no-store' });
  });
});
