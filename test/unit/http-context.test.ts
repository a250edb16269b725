import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logger } from '../../lib/observability/logger';
import { apiEvent, stackOf } from '../support/api-event';
import { captureOutput } from '../support/output';

describe('the request context middleware', () => {
  // the level under test, whatever the environment asks for
  beforeEach(() => logger.setLogLevel('INFO'));
  afterEach(() => logger.resetKeys());

  it('hands on the headers by lower-case name, the request id and the route', async () => {
    // Prepare
    const event = apiEvent({ method: 'POST', path: '/orders', headers: { 'Idempotency-Key': 'k1', 'X-Mixed': 'v' }, requestId: 'req-1' });
    // Act
    const { body: state } = await stackOf([])(event);
    // Assess
    expect(state.headers).toMatchObject({ 'idempotency-key': 'k1', 'x-mixed': 'v' });
    expect(state).toMatchObject({ requestId: 'req-1', method: 'POST', routeKey: 'POST /orders' });
    expect(state.now).toBeInstanceOf(Date);
  });

  it('answers problems in Chinese only when the request asks for zh', async () => {
    const langOf = async (value?: string) =>
      (await stackOf([])(apiEvent({ headers: value === undefined ? {} : { 'Accept-Language': value } }))).body.lang;
    expect(await langOf('zh-CN,zh;q=0.9')).toBe('zh');
    expect(await langOf('en-US')).toBe('en');
    expect(await langOf()).toBe('en');
  });

  it('falls back to the invocation id and to the method and path when API Gateway gives none', async () => {
    const event = apiEvent({ method: 'DELETE', path: '/provider/webhook' });
    delete (event as { routeKey?: string }).routeKey;
    delete (event.requestContext as { requestId?: string }).requestId;
    const { body: state } = await stackOf([])(event);
    expect(state.requestId).toMatch(/^unit-/);
    expect(state.routeKey).toBe('DELETE /provider/webhook');
  });

  it('gives two invocations of the same event object a state each', async () => {
    const event = apiEvent();
    const run = stackOf([], async (state) => {
      await new Promise((r) => setTimeout(r, 5));
      return { status: 200, body: state };
    });
    const [a, b] = await Promise.all([run(event), run(event)]);
    expect(a.body).not.toBe(b.body);
    expect(event).not.toHaveProperty('state');
  });

  it('puts the request id on every log line of the request', async () => {
    const output = captureOutput();
    try {
      await stackOf([], async () => {
        logger.warn('inside');
        return { status: 200 };
      })(apiEvent({ requestId: 'req-logged' }));
    } finally {
      output.restore();
    }
    expect(output.lines().find((l) => l.message === 'inside')).toMatchObject({ requestId: 'req-logged' });
  });
});
