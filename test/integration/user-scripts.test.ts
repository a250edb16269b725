import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { addUser, freePort, signIn, StackError } from '../../scripts/lib/stack';

// `npm run token` and `npm run user:add` say what is wrong, against the test run's cognito-local.
describe('the user scripts’ messages', () => {
  const stack = inject('stack');
  const password = 'Passw0rd!scripts';

  it('token: an unknown email is named as unknown, with the command that adds it', async () => {
    const email = `nobody-${randomUUID()}@example.com`;
    const err = await signIn(stack.cognitoEndpoint, stack.clientId, email, password, stack.userPoolId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StackError);
    expect((err as Error).message).toBe(`There is no user ${email} in the pool: add it with \`npm run user:add -- ${email} <password> <provider|buyer|operator>\`.`);
  });

  it('token: a wrong password is named as a wrong password', async () => {
    const email = `someone-${randomUUID()}@example.com`;
    await addUser(stack.cognitoEndpoint, stack.userPoolId, email, password, 'buyer');
    const err = await signIn(stack.cognitoEndpoint, stack.clientId, email, 'Wrong-passw0rd!', stack.userPoolId).catch((e: unknown) => e);
    expect((err as Error).message).toBe(`The password for ${email} is wrong (\`npm run user:add\` with the same email sets a new one).`);
    await expect(signIn(stack.cognitoEndpoint, stack.clientId, email, password, stack.userPoolId)).resolves.toMatch(/^ey/);
  });

  it('token and user:add: a stack that is down says to run npm start', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const token = await signIn(down, stack.clientId, 'a@example.com', password, stack.userPoolId).catch((e: unknown) => e);
    const add = await addUser(down, stack.userPoolId, 'a@example.com', password, 'buyer').catch((e: unknown) => e);
    for (const err of [token, add]) {
      expect(err).toBeInstanceOf(StackError);
      expect((err as Error).message).toBe(`The local identity provider at ${down} does not answer: is the local stack running? Start it with \`npm start\`, then try again.`);
    }
  });

  it('user:add: a user added to a second role holds both, and is told so', async () => {
    const email = `two-roles-${randomUUID()}@example.com`;
    expect((await addUser(stack.cognitoEndpoint, stack.userPoolId, email, password, 'buyer')).roles).toEqual(['buyer']);
    const again = await addUser(stack.cognitoEndpoint, stack.userPoolId, email, password, 'provider');
    expect(again.roles).toEqual(['provider', 'buyer']);
  });
});
