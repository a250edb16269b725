import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuthOptions } from '../../lib/http/auth';
import { DomainError } from '../../lib/http/errors';
import { invoke } from '../support/http';
import { closedPort, startIssuer } from '../support/issuer';
import { mintToken } from '../support/tokens';

const now = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const options = (jwksUri: string, o: Partial<AuthOptions> = {}): AuthOptions => ({
  issuer: inject('stack').issuer,
  clientId: inject('stack').clientId,
  jwksUri,
  jwksTimeoutMs: 300,
  jwksRetryAfterMs: 400,
  ...o,
});

// Imported when used: lib/http/auth reads its configuration at module load, which the first block sets.
const createAuthenticator = async (o: AuthOptions) => (await import('../../lib/http/auth')).createAuthenticator(o);

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
};

describe('the token key set unreachable (issuer down or slow)', () => {
  // The real handler, its verifier pointed at a key set endpoint this test controls.
  const issuer = startIssuer();
  let listOwn: (typeof import('../../functions/products/list-own'))['handler'];

  beforeAll(async () => {
    const server = await issuer;
    server.set('hang');
    Object.assign(process.env, { AUTH_JWKS_URI: server.jwksUri, AUTH_JWKS_TIMEOUT_MS: '300', AUTH_JWKS_RETRY_AFTER_MS: '400' });
    // Imported now, so its configuration (read at module load) sees the endpoint above; its init prefetch hangs.
    listOwn = (await import('../../functions/products/list-own')).handler;
  });
  afterAll(async () => (await issuer).close());

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, never 401, while the issuer hangs, errs or answers garbage', async () => {
    const server = await issuer;
    for (const mode of ['hang', 'error', 'garbage'] as const) {
      server.set(mode);
      await sleep(450); // past the last failure's back-off, so this attempt reaches the endpoint
      const before = server.requests();
      const res = await invoke(listOwn, { as: 'provider' });
      expect(res.status, mode).toBe(503);
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(server.requests(), mode).toBe(before + 1);
    }
  });

  it('answers 503 at once, without asking the issuer again, within the back-off after a failure', async () => {
    const server = await issuer;
    server.set('error');
    await sleep(450);
    expect((await invoke(listOwn, { as: 'provider' })).status).toBe(503);
    const before = server.requests();
    const answers = await Promise.all(Array.from({ length: 10 }, () => invoke(listOwn, { as: 'buyer' })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(503));
    expect(server.requests()).toBe(before);
  });

  it('still answers 401 for a token that has expired, keys or not', async () => {
    const res = await invoke(listOwn, { as: { token: mintToken({ exp: now() - 60, iat: now() - 3600 }) } });
    expect(res.status).toBe(401);
  });

  it('recovers when the issuer is back, and keeps the keys through the next outage', async () => {
    const server = await issuer;
    server.set('up');
    await sleep(450);
    expect((await invoke(listOwn, { as: 'provider' })).status).toBe(200);
    server.set('hang');
    const before = server.requests();
    const answers = await Promise.all(Array.from({ length: 10 }, () => invoke(listOwn, { as: 'provider' })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(server.requests()).toBe(before);
  });
});

describe('the key set fetch', () => {
  it('answers 503 when nothing listens at the issuer (a stopped issuer)', async () => {
    const { authenticate } = await createAuthenticator(options(`http://127.0.0.1:${await closedPort()}/.well-known/jwks.json`));
    const err = await refusal(authenticate(`Bearer ${mintToken()}`));
    expect(err.status).toBe(503);
    expect(err.headers['retry-after']).toBe('1');
  });

  it('is made once per instance for fifty simultaneous requests on a cold instance', async () => {
    const server = await startIssuer({ delayMs: 200 });
    try {
      const { authenticate } = await createAuthenticator(options(server.jwksUri, { jwksTimeoutMs: 2000 }));
      const users = await Promise.all(Array.from({ length: 50 }, () => authenticate(`Bearer ${mintToken()}`)));
      expect(users.every((u) => u.id === inject('stack').users.provider.id)).toBe(true);
      expect(server.requests()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('is made at init when prefetched, and the first requests share it', async () => {
    const server = await startIssuer({ delayMs: 200 });
    try {
      const { authenticate, prefetch } = await createAuthenticator(options(server.jwksUri, { jwksTimeoutMs: 2000 }));
      void prefetch();
      await Promise.all(Array.from({ length: 10 }, () => authenticate(`Bearer ${mintToken()}`)));
      expect(server.requests()).toBe(1);
    } finally {
      await server.close();
    }
  });
});
