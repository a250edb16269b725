import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { inject } from 'vitest';
import { cognitoClient } from '../../scripts/lib/stack';
import { newId } from '../../lib/shared/ids';
import { mintToken } from './tokens';

/**
 * A new account in the test pool (as self sign-up makes: no group), with an access token of the pool's
 * key. Each test gets people of its own, so profiles start from nothing.
 */
export const newPerson = async (name = `p${newId().toLowerCase()}`) => {
  const stack = inject('stack');
  const email = `${name}@people.example`;
  const made = await cognitoClient(stack.cognitoEndpoint).send(
    new AdminCreateUserCommand({
      UserPoolId: stack.userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  const id = made.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!id) throw new Error(`no sub for ${email}`);
  return { id, email, name, as: { token: mintToken({ sub: id, 'cognito:groups': [] }) } };
};
