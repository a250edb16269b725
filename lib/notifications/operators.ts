import { CognitoIdentityProviderClient, ListUsersInGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { config } from '../config';

// The user pool is the issuer's last path segment; locally the issuer's origin is cognito-local itself.
const issuer = new URL(config.auth.issuer);
const userPoolId = issuer.pathname.split('/').filter(Boolean).pop() ?? '';
const cognito = new CognitoIdentityProviderClient({
  region: config.region,
  ...(issuer.protocol === 'http:' ? { endpoint: issuer.origin, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
});

const CACHE_MS = 5 * 60 * 1000;
let cached: { ids: string[]; at: number } | undefined;

/** The operators' user ids (the `operators` group), cached for a few minutes per function instance. */
export const operatorIds = async (now = Date.now()): Promise<string[]> => {
  if (cached && now - cached.at < CACHE_MS) return cached.ids;
  const ids: string[] = [];
  let next: string | undefined;
  do {
    const page = await cognito.send(new ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName: 'operators', NextToken: next }));
    for (const u of page.Users ?? []) {
      const sub = u.Attributes?.find((a) => a.Name === 'sub')?.Value ?? u.Username;
      if (sub) ids.push(sub);
    }
    next = page.NextToken;
  } while (next);
  cached = { ids, at: now };
  return ids;
};
