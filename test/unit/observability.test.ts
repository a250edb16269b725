import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../support/output';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1LTEiLCJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.c2lnbmF0dXJl';

/** The module afresh, with the environment a function would start with. */
const fresh = async <M>(load: () => Promise<M>, env: Record<string, string>) => {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return load();
};

const printed = async (act: () => void) => {
  const output = captureOutput();
  try {
    act();
  } finally {
    output.restore();
  }
  return output;
};

describe('the logger', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('takes its level from POWERTOOLS_LOG_LEVEL: WARN prints no INFO line', async () => {
    const { logger } = await fresh(() => import('../../lib/observability/logger'), { POWERTOOLS_LOG_LEVEL: 'WARN' });
    expect(logger.getLevelName()).toBe('WARN');
    const output = await printed(() => {
      logger.info('answered', { status: 200 });
      logger.warn('a dependency is unavailable');
    });
    expect(output.lines().map((l) => l.message)).toEqual(['a dependency is unavailable']);
  });

  it('never prints a token, by key or by shape, wherever it was logged', async () => {
    const { logger } = await fresh(() => import('../../lib/observability/logger'), { POWERTOOLS_LOG_LEVEL: 'INFO' });
    const output = await printed(() =>
      logger.info('request', {
        headers: { Authorization: `Bearer ${TOKEN}`, accept: 'application/json' },
        note: `the token was ${TOKEN}`,
        error: new Error(`verification failed for ${TOKEN}`),
        token: 'opaque-refresh-token',
      }),
    );
    expect(output.text()).not.toContain('eyJ');
    expect(output.text()).not.toContain('opaque-refresh-token');
    const [line] = output.lines();
    expect(line.headers).toEqual({ Authorization: '[redacted]', accept: 'application/json' });
    expect(line.token).toBe('[redacted]');
  });
});

describe('the command metrics', () => {
  afterEach(() => vi.unstubAllEnvs());

  const load = () => fresh(() => import('../../lib/observability/metrics'), { POWERTOOLS_METRICS_DISABLED: 'false' });

  it('publish a refusal by action with its code, in the Marketplace namespace', async () => {
    const { recordCommand } = await load();
    const output = await printed(() => recordCommand('POST /orders', 'POST', 409, 'INVALID_STATE'));
    const [emf] = output.lines();
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Marketplace', Metrics: [{ Name: 'Refusal', Unit: 'Count' }] });
    expect(emf).toMatchObject({ action: 'POST /orders', service: 'marketplace', Refusal: 1, code: 'INVALID_STATE' });
  });

  it('count commands and failures, and nothing for reads', async () => {
    const { recordCommand } = await load();
    const output = await printed(() => {
      recordCommand('POST /orders', 'POST', 201);
      recordCommand('POST /orders', 'POST', 503, 'TEMPORARILY_UNAVAILABLE');
      recordCommand('GET /products', 'GET', 200);
    });
    expect(output.lines().map((l) => l._aws.CloudWatchMetrics[0].Metrics[0].Name)).toEqual(['Command', 'Failure']);
  });
});

describe('the functions’ environment', () => {
  it('passes POWERTOOLS_LOG_LEVEL to every function on every stage, locally the level the stack was started with', () => {
    // serverless-offline gives a function only the variables serverless.yml sets, not its own environment
    const text = readFileSync(join(__dirname, '..', '..', 'serverless.yml'), 'utf8');
    const providerEnv = /\nprovider:\n[\s\S]*?\n {2}environment:\n((?: {4}.*\n)+)/.exec(text)?.[1] ?? '';
    expect(providerEnv).toMatch(/^ {4}POWERTOOLS_LOG_LEVEL: \$\{param:logLevel\}$/m);
    const params = /\nparams:\n([\s\S]*?)\n\S/.exec(text)?.[1] ?? '';
    const [local, deployed] = params.split(/\n {2}default:\n/);
    expect(local).toMatch(/^ {4}logLevel: \$\{env:POWERTOOLS_LOG_LEVEL, 'INFO'\}$/m);
    expect(deployed).toMatch(/^ {4}logLevel: INFO$/m);
  });
});
