import { describe, expect, it, vi } from 'vitest';
import type { User } from '../../lib/http/auth';
import { UnauthenticatedError } from '../../lib/http/errors';
import { msg } from '../../lib/i18n';
import { authentication, type Authenticate } from '../../lib/http/middleware/auth';
import { apiEvent, stackOf } from '../support/api-event';
import type { MemberRole } from '../../lib/providers/roles';

const provider: User = { id: 'u-provider', roles: [] };
/** The person's memberships as the table would answer them. */
const people = (memberships: Record<string, Array<{ providerId: string; role: MemberRole; organisationName: string }>>) =>
  vi.fn(async (sub: string) => ({ memberships: memberships[sub] ?? [] }));
const withToken = (token = 'a.b.c') => apiEvent({ headers: { Authorization: `Bearer ${token}` } });
/** A verifier that knows one token. */
const verifier = (user: User): Authenticate =>
  vi.fn(async (authorization) => {
    if (authorization !== 'Bearer a.b.c') throw new UnauthenticatedError(msg('detail.tokenInvalid'));
    return user;
  });

describe('the authentication middleware', () => {
  it('lets anyone call a public route without asking the verifier', async () => {
    const authenticate = verifier(provider);
    const { body: state } = await stackOf([authentication('public', authenticate)])(apiEvent());
    expect(authenticate).not.toHaveBeenCalled();
    expect(state.user).toBeUndefined();
  });

  it('hands on the user of a valid token, the Authorization header as sent', async () => {
    const authenticate = verifier(provider);
    const { body: state } = await stackOf([authentication('signed-in', authenticate)])(withToken());
    expect(authenticate).toHaveBeenCalledWith('Bearer a.b.c');
    expect(state.user).toEqual(provider);
  });

  it('passes the verifier’s refusal on unchanged (401 with WWW-Authenticate)', async () => {
    const run = stackOf([authentication(['provider'], verifier(provider), { loadPerson: people({}) })]);
    await expect(run(withToken('x.y.z'))).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED', headers: { 'www-authenticate': 'Bearer' } });
    await expect(run(apiEvent())).rejects.toMatchObject({ status: 401 });
  });

  it('answers 403 naming the roles when none of the user’s may call', async () => {
    const run = stackOf([authentication(['buyer', 'operator'], verifier(provider), { loadPerson: people({}) })]);
    await expect(run(withToken())).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: 'This action is for buyer or operator accounts.' });
  });

  it('lets a user in when one of their roles may call', async () => {
    const both: User = { id: 'u-both', roles: ['buyer', 'operator'] };
    const { body: state } = await stackOf([authentication(['provider', 'operator'], verifier(both), { loadPerson: people({}) })])(withToken());
    expect(state.user).toEqual({ ...both, memberships: [] });
  });
});

describe('provider access by membership', () => {
  const a = { providerId: 'org-a', role: 'admin' as const, organisationName: 'A' };
  const b = { providerId: 'org-b', role: 'support' as const, organisationName: 'B' };
  const withHeader = (providerId?: string) =>
    apiEvent({ headers: { Authorization: 'Bearer a.b.c', ...(providerId ? { 'Provider-Id': providerId } : {}) } });
  const run = (memberships: (typeof a | typeof b)[], rules: { memberRoles?: MemberRole[]; acting?: boolean } = {}) =>
    stackOf([authentication(['provider'], verifier({ id: 'u-1', roles: [] }), { ...rules, loadPerson: people({ 'u-1': memberships }) })]);

  it('a token in the providers group grants nothing without a membership: 403', async () => {
    const grouped = verifier({ id: 'u-1', roles: ['provider'] });
    const stack = stackOf([authentication(['provider'], grouped, { loadPerson: people({}) })]);
    await expect(stack(withToken())).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('acts for the sole organisation without a header', async () => {
    const { body: state } = await run([a])(withHeader());
    expect(state.user).toMatchObject({ roles: ['provider'], provider: a, memberships: [a] });
  });

  it('needs Provider-Id when the person is in several: 400 naming the header', async () => {
    await expect(run([a, b])(withHeader())).rejects.toMatchObject({ status: 400, code: 'PROVIDER_ID_REQUIRED', extra: { errors: [{ path: 'Provider-Id' }] } });
    const { body: state } = await run([a, b])(withHeader('org-b'));
    expect(state.user.provider).toEqual(b);
  });

  it('answers 404 for an organisation the person is not in', async () => {
    await expect(run([a])(withHeader('org-b'))).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses a member role the route does not allow (403 MEMBER_ROLE_FORBIDDEN naming the roles), the administrator always allowed', async () => {
    await expect(run([b], { memberRoles: ['admin', 'finance'] })(withHeader())).rejects.toMatchObject({
      status: 403,
      code: 'MEMBER_ROLE_FORBIDDEN',
      extra: { allowedRoles: ['admin', 'finance'] },
    });
    await expect(run([a], { memberRoles: ['finance'] })(withHeader())).resolves.toBeDefined();
  });

  it('a route on an object of its own organisation (acting: false) needs no header', async () => {
    const { body: state } = await run([a, b], { acting: false })(withHeader());
    expect(state.user.provider).toBeUndefined();
    expect(state.user.memberships).toEqual([a, b]);
  });
});
