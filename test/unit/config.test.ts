import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config';

const base = {
  TABLE_NAME: 'marketplace-prod',
  AUTH_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc',
  AUTH_CLIENT_ID: 'client',
  DYNAMODB_ENDPOINT: '',
};

describe('configuration', () => {
  it('reads a deployed stage: no endpoint, the Cognito issuer and its JWKS', () => {
    const c = loadConfig(base);
    expect(c.dynamodbEndpoint).toBeUndefined();
    expect(c.auth.jwksUri).toBe(`${base.AUTH_ISSUER}/.well-known/jwks.json`);
    expect(c.orders.autoConfirmMs).toBe(15 * 24 * 3600 * 1000);
  });

  it('refuses an http issuer unless the local stage allows it', () => {
    const local = { ...base, AUTH_ISSUER: 'http://127.0.0.1:9229/local_x' };
    expect(() => loadConfig(local)).toThrow(/https/);
    expect(loadConfig({ ...local, AUTH_ALLOW_HTTP_ISSUER: 'true' }).auth.issuer).toBe(local.AUTH_ISSUER);
  });

  it('fails at start, naming the variable, when one is missing', () => {
    expect(() => loadConfig({ ...base, TABLE_NAME: undefined })).toThrow(/TABLE_NAME/);
  });
});
