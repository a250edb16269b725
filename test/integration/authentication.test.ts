import { describe, expect, it } from 'vitest';
import { handler as listOwn } from '../../functions/products/list-own';
import { handler as catalog } from '../../functions/products/catalog';
import { invoke } from '../support/http';
import { mintToken, strangerSignedToken } from '../support/tokens';

const call = (token: string) => invoke(listOwn, { as: { token } });
const now = () => Math.floor(Date.now() / 1000);

describe('token verification in the handler itself', () => {
  it('accepts a well-formed token signed by the issuer (control)', async () => {
    expect((await call(mintToken())).status).toBe(200);
  });

  const refused: Array<[string, () => string]> = [
    ['an expired token', () => mintToken({ exp: now() - 60, iat: now() - 3600 })],
    ['a token signed by another key', () => strangerSignedToken()],
    ['a token from another issuer', () => mintToken({ iss: 'http://127.0.0.1:1/other_pool' })],
    ['a token for another client', () => mintToken({ client_id: 'another-client' })],
    ['an id token', () => mintToken({ token_use: 'id' })],
    ['a token with an unknown key id', () => mintToken({}, { kid: 'nobody' })],
    ['an unsigned token', () => mintToken({}, { alg: 'none' }).split('.').slice(0, 2).join('.') + '.'],
    ['garbage', () => 'not.a.jwt'],
  ];
  for (const [what, token] of refused) {
    it(`answers 401 for ${what}`, async () => {
      const res = await call(token());
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      expect(res.headers['content-type']).toBe('application/problem+json');
    });
  }

  it('answers 401 without an Authorization header or with another scheme', async () => {
    expect((await invoke(listOwn, {})).status).toBe(401);
    expect((await invoke(listOwn, { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('answers 403 for a valid token of the wrong role', async () => {
    const res = await call(mintToken({ sub: '5b0c7e2a-0000-4000-8000-00000000000b', 'cognito:groups': ['buyers'] }));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('grants nothing for the providers group: being a provider is a membership in the table', async () => {
    const grouped = await call(mintToken({ sub: '5b0c7e2a-0000-4000-8000-00000000000c', 'cognito:groups': ['providers'] }));
    expect(grouped.status).toBe(403);
    // the provider test user is a member (their organisation, as the migration made it) whatever the token's groups
    expect((await call(mintToken({ 'cognito:groups': [] }))).status).toBe(200);
  });

  it('lets anyone read the catalogue without a token', async () => {
    expect((await invoke(catalog, {})).status).toBe(200);
  });
});
