import { Amplify } from 'aws-amplify';
import {
  confirmSignUp as amplifyConfirmSignUp,
  fetchAuthSession,
  resendSignUpCode as amplifyResendCode,
  signIn as amplifySignIn,
  signOut as amplifySignOut,
  signUp as amplifySignUp,
} from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import type { ConsoleConfig } from './config';

export type Role = 'provider' | 'buyer' | 'operator';
const GROUP_ROLES: Record<string, Role> = { providers: 'provider', buyers: 'buyer', operators: 'operator' };

/** Who the token says is signed in; `roles` are the token's groups until the session adds the memberships (GET /me). */
export interface TokenSession {
  userId: string;
  email: string;
  roles: Role[];
}

const decode = (token: string): Record<string, unknown> => JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));

/**
 * cognito-local lacks GetTokensFromRefreshToken, which Amplify's refresh calls; locally the refresh
 * goes through InitiateAuth REFRESH_TOKEN_AUTH instead (deployed stages keep Amplify's own).
 */
const useLocalRefresher = (endpoint: string, clientId: string) => {
  const jwt = (t: string) => ({ payload: decode(t), toString: () => t });
  cognitoUserPoolsTokenProvider.tokenOrchestrator.setTokenRefresher(async ({ tokens, username }) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: clientId,
        AuthParameters: { REFRESH_TOKEN: tokens.refreshToken },
      }),
    });
    const body = await res.json();
    if (!res.ok) throw Object.assign(new Error(body.message), { name: body.__type });
    const accessToken = jwt(body.AuthenticationResult.AccessToken);
    return {
      accessToken,
      idToken: jwt(body.AuthenticationResult.IdToken),
      refreshToken: tokens.refreshToken,
      clockDrift: Number(accessToken.payload.iat) * 1000 - Date.now(),
      username,
    } as never;
  });
};

export const configureAuth = (cfg: ConsoleConfig) => {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: cfg.cognito.userPoolId,
        userPoolClientId: cfg.cognito.clientId,
        ...(cfg.cognito.endpoint ? { userPoolEndpoint: cfg.cognito.endpoint } : {}),
      },
    },
  });
  if (cfg.cognito.endpoint) useLocalRefresher(cfg.cognito.endpoint, cfg.cognito.clientId);
};

/** The current access token, refreshed by Amplify before it expires; undefined when signed out. */
export const accessToken = async (): Promise<string | undefined> => {
  try {
    const session = await fetchAuthSession();
    return session.tokens?.accessToken?.toString();
  } catch {
    return undefined;
  }
};

export const currentSession = async (): Promise<TokenSession | undefined> => {
  const token = await accessToken();
  if (!token) return undefined;
  const payload = decode(token);
  const claimed = payload['cognito:groups'];
  const groups = Array.isArray(claimed) ? claimed.filter((g) => typeof g === 'string') : [];
  const session = await fetchAuthSession();
  const idPayload = session.tokens?.idToken?.payload ?? {};
  return {
    userId: String(payload.sub),
    email: String(idPayload.email ?? payload.username ?? ''),
    roles: groups.map((g) => GROUP_ROLES[g]).filter((r): r is Role => Boolean(r)),
  };
};

export const signIn = async (email: string, password: string) => {
  // A previous user's tokens must not linger in this browser.
  await amplifySignOut().catch(() => undefined);
  const out = await amplifySignIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  if (!out.isSignedIn) throw new Error(`sign-in needs another step: ${out.nextStep.signInStep}`);
  return currentSession();
};

export const signOut = () => amplifySignOut();

/** 注册: a new account in the user pool; the pool emails a code that confirms the address. */
export const signUp = async (email: string, password: string) => {
  const out = await amplifySignUp({ username: email, password, options: { userAttributes: { email } } });
  return { confirmed: out.isSignUpComplete };
};

/** The emailed code confirms the account; it can then sign in. */
export const confirmSignUp = (email: string, code: string) => amplifyConfirmSignUp({ username: email, confirmationCode: code });

/** Sends the confirmation code again. */
export const resendCode = (email: string) => amplifyResendCode({ username: email });
