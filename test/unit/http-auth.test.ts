import { describe, expect, it, vi } from 'vitest';
import type { User } from '../../lib/http/auth';
import { UnauthenticatedError } from '../../lib/http/errors';
import { msg } from '../../lib/i18n';
import { authentication, type Authenticate } from '../../lib/http/middleware/auth';
import { apiEvent, stackOf } from '../support/api-event';

const provider: User = { id: 'u-provider', roles: ['provider'] };
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
    const run = stackOf([authentication(['provider'], verifier(provider))]);
    await expect(run(withToken('x.y.z'))).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED', headers: { 'www-authenticate': 'Bearer' } });
    await expect(run(apiEvent())).rejects.toMatchObject({ status: 401 });
  });

  it('answers 403 naming the roles when none of the user’s may call', async () => {
    const run = stackOf([authentication(['buyer', 'operator'], verifier(provider))]);
    await expect(run(withToken())).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: 'This action is for buyer or operator accounts.' });
  });

  it('lets a user in when one of their roles may call', async () => {
    const both: User = { id: 'u-both', roles: ['buyer', 'operator'] };
    const { body: state } = await stackOf([authentication(['provider', 'operator'], verifier(both))])(withToken());
    expect(state.user).toEqual(both);
  });
});
