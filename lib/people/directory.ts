import { AdminGetUserCommand, CognitoIdentityProviderClient, ListUsersCommand, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { config } from '../config';
import { TemporarilyUnavailableError } from '../http/errors';

// The user pool is the issuer's last path segment; locally the issuer's origin is cognito-local itself.
const issuer = new URL(config.auth.issuer);
const userPoolId = issuer.pathname.split('/').filter(Boolean).pop() ?? '';
const cognito = new CognitoIdentityProviderClient({
  region: config.region,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
  ...(issuer.protocol === 'http:' ? { endpoint: issuer.origin, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
});

/** What the user pool holds of a person: their email and the name they registered with, if any. */
export interface Account {
  email: string;
  name?: string;
}

/**
 * A person's account as the user pool holds it (AdminGetUser by `sub`: an access token carries no email), or
 * undefined when the pool has no such user. A pool that does not answer is 503, not the client's fault.
 */
export const accountOf = async (sub: string): Promise<Account | undefined> => {
  try {
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: sub }));
    const attr = (name: string) => user.UserAttributes?.find((a) => a.Name === name)?.Value;
    const email = attr('email');
    return email ? { email, name: attr('name') } : undefined;
  } catch (err) {
    if (err instanceof UserNotFoundException || (err as Error)?.name === 'UserNotFoundException') return undefined;
    throw new TemporarilyUnavailableError();
  }
};

/** How many people one email may name in a search (a pool whose emails are unique names one). */
const PEOPLE_PER_EMAIL = 5;

/**
 * The user ids (`sub`) of the people whose email is this one: the user pool's ListUsers with `email = "…"`, the
 * email as typed and, when nobody has it so, lowercased (cognito-local compares case-sensitively; Cognito does
 * not). A pool that does not answer is 503.
 */
export const peopleByEmail = async (email: string): Promise<string[]> => {
  const find = async (value: string) => {
    try {
      const out = await cognito.send(
        new ListUsersCommand({ UserPoolId: userPoolId, Filter: `email = "${value.replace(/["\\]/g, '')}"`, Limit: PEOPLE_PER_EMAIL }),
      );
      return (out.Users ?? []).map((u) => u.Attributes?.find((a) => a.Name === 'sub')?.Value ?? u.Username).filter((s): s is string => !!s);
    } catch {
      throw new TemporarilyUnavailableError();
    }
  };
  const typed = email.trim();
  const found = await find(typed);
  return found.length || typed.toLowerCase() === typed ? found : find(typed.toLowerCase());
};
