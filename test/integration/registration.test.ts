import { ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { describe, expect, inject, it } from 'vitest';
import { handler as getMe } from '../../functions/people/get-me';
import { handler as buy } from '../../functions/orders/create';
import { handler as listBuyer } from '../../functions/orders/list-buyer';
import { newId } from '../../lib/shared/ids';
import { cognitoClient } from '../../scripts/lib/stack';
import { invoke } from '../support/http';
import { waitForMails } from '../support/mail';
import { listedProduct } from '../support/orders';

const PASSWORD = 'Regist3r-pass';

/** Self sign-up as the console does it: SignUp with the pool's app client (no credentials), then the code. */
describe('registration (注册) against the local user pool', () => {
  const stack = inject('stack');
  const cognito = cognitoClient(stack.cognitoEndpoint);
  const signIn = (email: string, password = PASSWORD) =>
    cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: stack.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }));

  it('signs up, reads the code in the mail viewer, confirms, signs in and is a buyer with a profile', async () => {
    // Prepare
    const email = `reg-${newId().toLowerCase()}@people.example`;
    // Act: register with a display name
    const signedUp = await cognito.send(
      new SignUpCommand({ ClientId: stack.clientId, Username: email, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }, { Name: 'name', Value: '注册者' }] }),
    );
    expect(signedUp.UserConfirmed).toBe(false);
    expect(signedUp.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', Destination: email });

    // the code arrives as an email with the pool's words, in the local mail viewer
    const [mail] = await waitForMails(email);
    expect(mail?.subject).toContain('验证码');
    const code = /\b(\d{6})\b/.exec(mail.body.text ?? '')?.[1];
    expect(code).toBeDefined();
    expect(mail.body.html).toContain(code);

    // not before the email is confirmed, and not with a wrong code
    await expect(signIn(email)).rejects.toMatchObject({ name: 'UserNotConfirmedException' });
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(cognito.send(new ConfirmSignUpCommand({ ClientId: stack.clientId, Username: email, ConfirmationCode: wrong }))).rejects.toMatchObject({
      name: 'CodeMismatchException',
    });
    await cognito.send(new ConfirmSignUpCommand({ ClientId: stack.clientId, Username: email, ConfirmationCode: code! }));

    // Assess: signs in; the token carries no group (a new account is a buyer by being signed in)
    const auth = await signIn(email);
    const token = auth.AuthenticationResult?.AccessToken;
    expect(token).toBeDefined();
    const { payload } = decomposeUnverifiedJwt(token!);
    expect(payload['cognito:groups'] ?? []).toEqual([]);
    const me = await invoke(getMe, { as: { token: token! }, method: 'GET', path: '/me' });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: signedUp.UserSub, email, displayName: '注册者', roles: ['buyer'], organisations: [], locale: 'zh-CN' });
  });

  it('buys with a freshly registered account (no group) and lists only its own orders', async () => {
    // Prepare: self sign-up and confirmation, as the console does it
    const email = `buy-${newId().toLowerCase()}@people.example`;
    const signedUp = await cognito.send(new SignUpCommand({ ClientId: stack.clientId, Username: email, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }));
    const [mail] = await waitForMails(email);
    const code = /\b(\d{6})\b/.exec(mail.body.text ?? '')![1];
    await cognito.send(new ConfirmSignUpCommand({ ClientId: stack.clientId, Username: email, ConfirmationCode: code }));
    const token = (await signIn(email)).AuthenticationResult!.AccessToken!;
    expect(decomposeUnverifiedJwt(token).payload['cognito:groups'] ?? []).toEqual([]);
    const product = await listedProduct();

    // Act: every account is a buyer (spec 2)
    const bought = await invoke(buy, { as: { token }, body: { productId: product.productId, planId: 'basic' } });
    const listed = await invoke(listBuyer, { as: { token }, query: { limit: '100' } });

    // Assess
    expect(bought.status).toBe(201);
    expect(bought.body).toMatchObject({ buyerId: signedUp.UserSub, productId: product.productId });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((o: { orderId: string }) => o.orderId)).toEqual([bought.body.orderId]);
    for (const o of listed.body.items) expect(o.buyerId).toBe(signedUp.UserSub);
  });

  it('refuses a second account for the same email', async () => {
    const email = `dup-${newId().toLowerCase()}@people.example`;
    await cognito.send(new SignUpCommand({ ClientId: stack.clientId, Username: email, Password: PASSWORD }));
    await expect(cognito.send(new SignUpCommand({ ClientId: stack.clientId, Username: email, Password: PASSWORD }))).rejects.toMatchObject({
      name: 'UsernameExistsException',
    });
  });

  it('makes the display name from the email when the registered name would not be one', async () => {
    const email = `l${newId().toLowerCase().slice(-12)}@people.example`;
    await cognito.send(new SignUpCommand({ ClientId: stack.clientId, Username: email, Password: PASSWORD, UserAttributes: [{ Name: 'name', Value: 'x'.repeat(40) }] }));
    const [mail] = await waitForMails(email);
    const code = /\b(\d{6})\b/.exec(mail.body.text ?? '')![1];
    await cognito.send(new ConfirmSignUpCommand({ ClientId: stack.clientId, Username: email, ConfirmationCode: code }));
    const token = (await signIn(email)).AuthenticationResult!.AccessToken!;
    const me = await invoke(getMe, { as: { token }, method: 'GET', path: '/me' });
    expect(me.body.displayName).toBe(email.split('@')[0]);
  });
});
