import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ThrottledError, UnauthenticatedError, ValidationError } from '../../lib/http/errors';
import { isUnavailable, problemAnswers } from '../../lib/http/middleware/problem';
import { response } from '../../lib/http/middleware/response';
import { logger } from '../../lib/observability/logger';
import { apiEvent, stackOf } from '../support/api-event';
import { captureOutput } from '../support/output';
import { msg } from '../../lib/i18n';

const failing = (err: unknown) => stackOf([problemAnswers()], async () => Promise.reject(err));
const at = (headers: Record<string, string> = {}) => apiEvent({ method: 'POST', path: '/orders/01JZ/start', headers, requestId: 'req-problem' });

describe('the problem middleware', () => {
  // the level under test, whatever the environment asks for
  beforeEach(() => logger.setLogLevel('INFO'));
  afterEach(() => logger.resetKeys());

  it('answers a domain error as application/problem+json with its status, code, headers and fields', async () => {
    const reply = await failing(new ThrottledError(msg('detail.rateLimited', { limit: 20, name: 'orders', seconds: 60 }), 12.2))(at());
    expect(reply).toEqual({
      status: 429,
      headers: { 'content-type': 'application/problem+json', 'content-language': 'en', 'retry-after': '13' },
      body: {
        type: 'https://errors.marketplace.example/throttled',
        title: 'Too many requests',
        status: 429,
        code: 'THROTTLED',
        detail: 'At most 20 orders per 60 seconds; try again later.',
        instance: '/orders/01JZ/start',
        retryAfterSeconds: 12.2,
      },
    });
  });

  it('keeps the challenge header of a 401 and the field errors of a 400', async () => {
    expect((await failing(new UnauthenticatedError())(at())).headers['www-authenticate']).toBe('Bearer');
    const invalid = await failing(new ValidationError([{ path: 'planId', message: 'Required' }]))(at());
    expect(invalid.body.errors).toEqual([{ path: 'planId', message: 'Required' }]);
  });

  it('writes the human texts in Chinese for a Chinese request; codes and paths never change', async () => {
    const reply = await failing(new NotFoundError('order'))(at({ 'Accept-Language': 'zh-CN' }));
    expect(reply.headers['content-language']).toBe('zh-CN');
    expect(reply.body).toMatchObject({ code: 'NOT_FOUND', instance: '/orders/01JZ/start' });
    expect(reply.body.title).toMatch(/[\u4e00-\u9fff]/);
    expect(reply.body.detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers a dependency that cannot answer now with 503 and Retry-After, logged as a warning', async () => {
    const output = captureOutput();
    let reply;
    try {
      reply = await failing(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }))(at());
    } finally {
      output.restore();
    }
    expect(reply).toMatchObject({ status: 503, headers: { 'retry-after': '1' }, body: { code: 'TEMPORARILY_UNAVAILABLE' } });
    expect(output.lines()).toEqual([expect.objectContaining({ level: 'WARN', message: 'a dependency is unavailable', requestId: 'req-problem' })]);
  });

  it('tells a dependency outage from a bug', () => {
    const network = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    expect(isUnavailable(network)).toBe(true);
    expect(isUnavailable(new Error('wrapped', { cause: network }))).toBe(true);
    expect(isUnavailable(new AggregateError([new Error('x'), network]))).toBe(true);
    expect(isUnavailable({ name: 'InternalServerError', $metadata: { httpStatusCode: 500 } })).toBe(true);
    expect(isUnavailable({ name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }] })).toBe(true);
    expect(isUnavailable({ name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] })).toBe(false);
    expect(isUnavailable(new TypeError('x is undefined'))).toBe(false);
  });

  it('answers anything else 500 with no internals, and logs it with the request id', async () => {
    const output = captureOutput();
    let result;
    try {
      result = await stackOf([response(), problemAnswers()], async () => Promise.reject(new TypeError('secret internals')))(at());
    } finally {
      output.restore();
    }
    expect(result.statusCode).toBe(500);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(result.body)).toMatchObject({ code: 'INTERNAL', detail: 'Something went wrong on our side.' });
    expect(result.body).not.toContain('secret internals');
    expect(output.lines()).toEqual([expect.objectContaining({ level: 'ERROR', message: 'unexpected failure', requestId: 'req-problem' })]);
  });
});
