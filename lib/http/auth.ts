import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { config } from '../config';
import { UnauthenticatedError } from './errors';

export type Role = 'provider' | 'buyer' | 'operator';

export interface User {
  id: string;
  roles: Role[];
}

const GROUP_ROLES: Record<string, Role> = { providers: 'provider', buyers: 'buyer', operators: 'operator' };

// The library's own fetcher speaks HTTPS only; the platform fetch also reaches cognito-local's http
// issuer, which configuration admits on the local stage alone.
const jwksCache = new SimpleJwksCache({
  fetcher: {
    fetch: async (uri: string) => {
      const res = await fetch(uri, { signal: AbortSignal.timeout(3000) });
      if (!res.ok) throw new Error(`JWKS answered ${res.status}`);
      return res.arrayBuffer();
    },
  },
});

const verifier = JwtVerifier.create(
  {
    issuer: config.auth.issuer,
    jwksUri: config.auth.jwksUri,
    audience: null,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== 'access') throw new Error('not an access token');
      if (payload.client_id !== config.auth.clientId) throw new Error('token issued to another client');
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('token has no subject');
    },
  },
  { jwksCache },
);

/** Verifies a bearer access token (signature, issuer, expiry, client, token use) and returns its user. */
export const authenticate = async (authorization: string | undefined): Promise<User> => {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw new UnauthenticatedError();
  let payload: Record<string, unknown>;
  try {
    payload = (await verifier.verify(match[1])) as Record<string, unknown>;
  } catch {
    throw new UnauthenticatedError('The access token is invalid or expired.');
  }
  const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as string[]) : [];
  const roles = groups.map((g) => GROUP_ROLES[g]).filter((r): r is Role => r !== undefined);
  return { id: payload.sub as string, roles };
};
