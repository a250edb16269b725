import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

// cognito-local signs every token with a key that ships in its package: tests can mint tokens that only
// differ from real ones in the one claim under test.
const localKey = createPrivateKey(
  (JSON.parse(readFileSync(join(__dirname, '../../node_modules/cognito-local/lib/keys/cognitoLocal.private.json'), 'utf8')) as {
    pem: string;
  }).pem,
);
const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export const mintToken = (claims: Record<string, unknown> = {}, opts: { key?: KeyObject; kid?: string; alg?: string } = {}) => {
  const stack = inject('stack');
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: opts.alg ?? 'RS256', kid: opts.kid ?? 'CognitoLocal', typ: 'JWT' };
  const payload = {
    sub: stack.users.provider.id,
    client_id: stack.clientId,
    token_use: 'access',
    'cognito:groups': ['providers'],
    iss: stack.issuer,
    iat: now,
    exp: now + 600,
    ...claims,
  };
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = sign('RSA-SHA256', Buffer.from(input), opts.key ?? localKey).toString('base64url');
  return `${input}.${signature}`;
};

export const strangerSignedToken = () => mintToken({}, { key: strangerKey });
