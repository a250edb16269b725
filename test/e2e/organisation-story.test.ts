import { ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, inject, it } from 'vitest';
import { newId } from '../../lib/shared/ids';
import { cognitoClient } from '../../scripts/lib/stack';
import { api, ok } from '../support/api';
import { applicationBody, PDF } from '../support/applications';
import { upload } from '../support/attachments';
import { productContent } from '../support/fixtures';
import { waitForMails } from '../support/mail';

const PASSWORD = 'Story-pass-2026';

/** Every string anywhere in an answer. */
const stringsOf = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(stringsOf) : v && typeof v === 'object' ? Object.values(v).flatMap(stringsOf) : [];

/**
 * Registration to first sale by a new company, over HTTP against the local stack (serverless-offline,
 * cognito-local, the SES emulator): nobody here is one of the stack's shared accounts but the buyer and
 * the operator, who belong to no organisation.
 */
describe.skipIf(!inject('stack').apiUrl)('a new company from registration to its first sale', () => {
  const stack = inject('stack');
  const cognito = cognitoClient(stack.cognitoEndpoint);

  /** 注册: sign-up, the code from the mail viewer, confirmation, sign-in; answers the person's token and id. */
  const register = async (email: string, name: string) => {
    const before = (await waitForMails(email, 0)).length;
    const signedUp = await cognito.send(
      new SignUpCommand({ ClientId: stack.clientId, Username: email, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }, { Name: 'name', Value: name }] }),
    );
    const mails = await waitForMails(email, before + 1);
    const code = /\b(\d{6})\b/.exec(mails.at(-1)?.body.text ?? '')?.[1];
    expect(code, 'the confirmation code in the mail viewer').toBeDefined();
    await cognito.send(new ConfirmSignUpCommand({ ClientId: stack.clientId, Username: email, ConfirmationCode: code! }));
    const auth = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: stack.clientId, AuthParameters: { USERNAME: email, PASSWORD } }),
    );
    return { id: signedUp.UserSub!, email, as: { token: auth.AuthenticationResult!.AccessToken! } };
  };

  it('registers, applies, is approved, invites a delivery member by email who accepts and delivers an order; the buyer sees the company’s name only', async () => {
    const run = newId().toLowerCase().slice(-10);
    const companyName = `云帆运维${run}有限公司`;

    // 注册 and 入驻: a new person applies with the company's details and its licence
    const admin = await register(`admin-${run}@story.example`, '周管理');
    const grant = ok(
      await api('POST', '/provider-applications/licences', { as: admin.as, body: { fileName: '营业执照.pdf', contentType: 'application/pdf', size: Buffer.byteLength(PDF) } }),
      201,
    );
    await upload({ attachmentId: grant.licenceId, upload: grant.upload }, PDF);
    const application = ok(await api('POST', '/provider-applications', { as: admin.as, body: applicationBody(grant.licenceId, { companyName, contactName: '周管理' }) }), 201);
    expect(application.status).toBe('pending');

    // the operator approves: the organisation exists with the applicant as its administrator
    const queue = ok(await api('GET', '/operator/provider-applications?status=pending&limit=100', { as: 'operator' }));
    expect(queue.items.map((a: any) => a.applicationId)).toContain(application.applicationId);
    const { providerId } = ok(
      await api('POST', `/operator/provider-applications/${application.applicationId}/approve`, { as: 'operator', body: { version: application.version } }),
    );
    const me = ok(await api('GET', '/me', { as: admin.as }));
    expect(me.organisations).toEqual([{ providerId, name: companyName, role: 'admin' }]);
    // the operator finds it by its name, its credit code and its administrator's email
    for (const query of [`name=${encodeURIComponent(companyName.slice(0, 8))}`, `creditCode=${application.creditCode}`]) {
      expect(ok(await api('GET', `/operator/providers?${query}`, { as: 'operator' })).items.map((o: any) => o.providerId)).toEqual([providerId]);
    }

    // the first product, listed after review
    const product = ok(await api('POST', '/provider/products', { as: admin.as, body: productContent({ name: `服务器巡检${run}` }) }), 201);
    const submitted = ok(await api('POST', `/provider/products/${product.productId}/submit`, { as: admin.as }));
    ok(await api('POST', `/operator/products/${product.productId}/approve`, { as: 'operator', body: { version: submitted.version } }));

    // 子账号: the administrator invites a delivery member by email; the link arrives in the mail viewer
    const memberEmail = `delivery-${run}@story.example`;
    ok(await api('POST', '/provider/invitations', { as: admin.as, body: { email: memberEmail, role: 'delivery' } }), 201);
    const [invitation] = await waitForMails(memberEmail, 1, { timeoutMs: 30_000 });
    expect(invitation.subject).toContain(companyName);
    const token = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(invitation.body.text ?? '')?.[1];
    expect(token, 'the invitation link').toBeDefined();

    // the invitee registers with that email and accepts
    const member = await register(memberEmail, '吴交付');
    ok(await api('POST', `/invitations/${token}/accept`, { as: member.as }), 201);
    const team = ok(await api('GET', '/provider/members', { as: admin.as }));
    expect(team.items.map((m: any) => [m.displayName, m.role])).toEqual(expect.arrayContaining([['周管理', 'admin'], ['吴交付', 'delivery']]));
    // the link is single-use
    expect((await api('POST', `/invitations/${token}/accept`, { as: member.as })).status).toBeGreaterThanOrEqual(400);

    // a buyer buys and submits the requirements; the delivery member starts and completes the order
    const order = ok(await api('POST', '/orders', { as: 'buyer', body: { productId: product.productId, planId: 'basic', quantity: 1 } }), 201);
    ok(await api('PUT', `/orders/${order.orderId}/requirements`, { as: 'buyer', body: { answers: { host: '10.0.0.8', cores: 8 } } }));
    // a delivery member may not edit products, and may deliver
    expect((await api('POST', '/provider/products', { as: member.as, body: productContent() })).status).toBe(403);
    ok(await api('POST', `/orders/${order.orderId}/start`, { as: member.as }));
    const done = ok(await api('POST', `/orders/${order.orderId}/complete`, { as: member.as, body: { note: '巡检完成，报告已发送' } }));
    expect(done.status).toBe('awaiting_confirmation');

    // the provider's timeline names the member and their role
    const seenByProvider = ok(await api('GET', `/orders/${order.orderId}`, { as: admin.as }));
    expect(seenByProvider.timeline.find((e: any) => e.action === 'start')).toMatchObject({ actorName: '吴交付', memberRole: 'delivery' });

    // the buyer sees the organisation's name, and no person of it: no user id, no member's name
    const seenByBuyer = ok(await api('GET', `/orders/${order.orderId}`, { as: 'buyer' }));
    expect(seenByBuyer.providerName).toBe(companyName);
    expect(seenByBuyer.timeline.filter((e: any) => ['start', 'complete'].includes(e.action)).map((e: any) => e.actorName)).toEqual([companyName, companyName]);
    const listed = ok(await api('GET', '/buyer/orders?limit=100', { as: 'buyer' })).items.find((o: any) => o.orderId === order.orderId);
    expect(listed.providerName).toBe(companyName);
    const page = ok(await api('GET', `/products/${product.productId}`));
    expect(page.providerName).toBe(companyName);
    const answers = stringsOf([seenByBuyer, listed, page]);
    for (const secret of [admin.id, member.id, admin.email, memberEmail, '周管理', '吴交付']) {
      expect(answers.some((s) => s.includes(secret)), secret).toBe(false);
    }

    // the operator finds the order by the company's name and by the member's email, with names
    const byName = ok(await api('GET', `/operator/orders?providerName=${encodeURIComponent(companyName)}`, { as: 'operator' }));
    expect(byName.items.map((o: any) => o.orderId)).toEqual([order.orderId]);
    const byEmail = ok(await api('GET', `/operator/orders?providerEmail=${encodeURIComponent(memberEmail)}`, { as: 'operator' }));
    expect(byEmail.items).toMatchObject([{ orderId: order.orderId, providerName: companyName }]);
  }, 240_000);
});
