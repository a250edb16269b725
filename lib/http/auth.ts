import { JwtVerifier } from 'aws-jwt-verify';
import { assertIsJwks, SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { config } from '../config';
import { ServiceUnavailableError, UnauthenticatedError } from './errors';
import { msg } from '../i18n';
import type { Membership } from '../people/person';
import type { ActingProvider } from '../providers/access';

export type Role = 'provider' | 'buyer' | 'operator';

export interface User {
  id: string;
  /** `provider` iff the person has a membership (read from the table on routes open to providers or operators). */
  roles: Role[];
  /** Every organisation the person belongs to, with their role: loaded on routes open to providers or operators. */
  memberships?: Membership[];
  /** The person's display name, from their profile, read with the memberships (the timeline names the actor). */
  displayName?: string;
  /** The organisation a `/provider/*` request acts for (the `Provider-Id` header, or the sole membership). */
  provider?: ActingProvider;
}

/**
 * The token's groups that grant a role. Every account is a buyer (spec 2): the `buyers` group is still
 * accepted but grants nothing more. Being a provider is a membership in the table, not the `providers`
 * group: that group grants nothing any more. Separation of duties is the only limit on buying (one's own
 * organisation's products: 403 CONFLICT_OF_INTEREST).
 */
const GROUP_ROLES: Record<string, Role> = { operators: 'operator' };

/** The issuer's key set could not be read: a fault of the moment, not of the token. */
class KeySetUnavailable extends Error {}

export interface AuthOptions {
  issuer: string;
  clientId: string;
  jwksUri: string;
  /** One key set fetch may take this long. */
  jwksTimeoutMs: number;
  /** After a failed fetch, answer 503 at once for this long (and tell clients so in Retry-After). */
  jwksRetryAfterMs: number;
}

/**
 * A token verifier (signature, issuer, expiry, client, token use) whose key set is fetched once per
 * instance — concurrent requests share the one fetch in flight (aws-jwt-verify's cache) — and kept across
 * invocations. A key set that cannot be fetched answers 503 with Retry-After, never 401.
 */
export const createAuthenticator = (o: AuthOptions) => {
  let unavailableUntil = 0;
  const unavailable = (err: unknown) => {
    unavailableUntil = Date.now() + o.jwksRetryAfterMs;
    return new KeySetUnavailable('the key set cannot be read', { cause: err });
  };
  // The library's own fetcher speaks HTTPS only; the platform fetch also reaches cognito-local's http
  // issuer, which configuration admits on the local stage alone.
  const jwksCache = new SimpleJwksCache({
    fetcher: {
      fetch: async (uri: string) => {
        if (Date.now() < unavailableUntil) throw new KeySetUnavailable('the key set was unreachable a moment ago');
        try {
          const res = await fetch(uri, { signal: AbortSignal.timeout(o.jwksTimeoutMs) });
          if (!res.ok) throw new Error(`JWKS answered ${res.status}`);
          return await res.arrayBuffer();
        } catch (err) {
          throw unavailable(err);
        }
      },
    },
    // An issuer that answers something other than a key set is as unavailable as one that does not answer.
    jwksParser: (body: ArrayBuffer) => {
      try {
        const jwks = JSON.parse(new TextDecoder().decode(body)) as Parameters<typeof assertIsJwks>[0];
        assertIsJwks(jwks);
        return jwks;
      } catch (err) {
        throw unavailable(err);
      }
    },
  });

  const verifier = JwtVerifier.create(
    {
      issuer: o.issuer,
      jwksUri: o.jwksUri,
      audience: null,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') throw new Error('not an access token');
        if (payload.client_id !== o.clientId) throw new Error('token issued to another client');
        if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('token has no subject');
      },
    },
    { jwksCache },
  );

  /** Fetches the key set ahead of the first request (at init); a failure is left for that request to meet. */
  const prefetch = () => verifier.hydrate().catch(() => undefined);

  const verify = async (token: string): Promise<Record<string, unknown>> => {
    try {
      return (await verifier.verify(token)) as Record<string, unknown>;
    } catch (err) {
      if (!(err instanceof KeySetUnavailable)) throw new UnauthenticatedError(msg('detail.tokenInvalid'));
      // Without keys nothing can be verified, but a token that says it has expired can be refused already.
      if (claimsExpired(token)) throw new UnauthenticatedError(msg('detail.tokenInvalid'));
      throw new ServiceUnavailableError(msg('detail.issuerUnreachable'), o.jwksRetryAfterMs / 1000);
    }
  };

  /** Verifies a bearer access token and returns its user. */
  const authenticate = async (authorization: string | undefined): Promise<User> => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new UnauthenticatedError();
    const payload = await verify(match[1]);
    const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as string[]) : [];
    const granted = groups.map((g) => GROUP_ROLES[g]).filter((r): r is Role => r !== undefined);
    const roles: Role[] = ['buyer', ...new Set(granted)];
    return { id: payload.sub as string, roles };
  };

  return { authenticate, prefetch };
};

const claimsExpired = (token: string) => {
  try {
    const { payload } = decomposeUnverifiedJwt(token);
    return typeof payload.exp !== 'number' || payload.exp * 1000 <= Date.now();
  } catch {
    return true;
  }
};

const instance = createAuthenticator(config.auth);

// The issuer is known from configuration: start fetching its key set during the function's init.
void instance.prefetch();

/** Verifies a bearer access token (signature, issuer, expiry, client, token use) and returns its user. */
export const authenticate = instance.authenticate;
