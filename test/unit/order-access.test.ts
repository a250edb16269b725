import { describe, expect, it } from 'vitest';
import { actorFor, canRead, isOwnAsOperator, roleFor, sideOf, writerCondition } from '../../lib/orders/access';
import { orderOf } from '../support/order-fixtures';

const order = orderOf({ buyerId: 'b', providerId: 'p' });
/** A person with their roles; `provider` stands for a membership of the order's organisation `p` (an admin's). */
const user = (id: string, ...roles: string[]) => ({
  id,
  roles,
  memberships: roles.includes('provider') && id === 'p' ? [{ providerId: 'p', role: 'admin' as const }] : roles.includes('provider') ? [{ providerId: id, role: 'admin' as const }] : [],
});
const member = (id: string, role: 'admin' | 'products' | 'delivery' | 'finance' | 'support', providerId = 'p') => ({ id, roles: ['provider'], memberships: [{ providerId, role }] });

/** A condition builder that spells `name = value`, so the condition reads as text. */
const spell = { eq: (path: string, value: unknown) => `${path} = ${String(value)}` };

describe('who a person is to an order', () => {
  it('puts its buyer, its provider and any operator on a side; anyone else on none', () => {
    expect(sideOf(order, user('b', 'buyer'))).toBe('buyer');
    expect(sideOf(order, user('p', 'provider'))).toBe('provider');
    expect(sideOf(order, user('o', 'operator'))).toBe('operator');
    expect(sideOf(order, user('x', 'buyer'))).toBe('none');
    expect(sideOf(order, user('x', 'provider'))).toBe('none');
    // the group alone is not a side: the provider's id in the buyer group is not the buyer
    expect(sideOf(order, user('p', 'buyer'))).toBe('none');
  });

  it('places a user in two groups on the side of the order their id is on', () => {
    expect(sideOf(order, user('b', 'provider', 'buyer'))).toBe('buyer');
    expect(sideOf(order, user('p', 'buyer', 'provider'))).toBe('provider');
    expect(sideOf(order, user('x', 'buyer', 'provider'))).toBe('none');
    expect(sideOf(order, user('b', 'operator', 'buyer'))).toBe('buyer');
  });

  it('lets every side read the order, and nobody else', () => {
    expect(canRead(order, user('b', 'buyer'))).toBe(true);
    expect(canRead(order, user('o', 'operator'))).toBe(true);
    expect(canRead(order, user('x', 'buyer', 'provider'))).toBe(false);
  });

  it('acts in the role of the side the command allows', () => {
    expect(roleFor(order, user('p', 'buyer', 'provider'), 'start')).toBe('provider');
    expect(roleFor(order, user('p', 'buyer', 'provider'), 'confirm')).toBeUndefined();
    expect(roleFor(order, user('b', 'buyer', 'operator'), 'resolve')).toBe('operator');
    expect(roleFor(order, user('b', 'buyer', 'operator'), 'message')).toBe('buyer');
    expect(roleFor(order, user('o', 'operator'), 'message')).toBe('operator');
  });

  it('takes an actor given with its role only on its own side', () => {
    expect(actorFor(order, { id: 'system', role: 'system' }, 'remind')).toEqual({ id: 'system', role: 'system' });
    expect(actorFor(order, { id: 'b', role: 'buyer' }, 'confirm')).toEqual({ id: 'b', role: 'buyer' });
    expect(actorFor(order, { id: 'x', role: 'buyer' }, 'confirm')).toBeUndefined();
    expect(actorFor(order, user('p', 'provider'), 'start')).toEqual({ id: 'p', role: 'provider', memberRole: 'admin', memberOf: ['p'] });
    expect(actorFor(order, user('x', 'provider'), 'start')).toBeUndefined();
  });

  it('puts every member of the order’s organisation on its provider side, each within their member role', () => {
    for (const role of ['admin', 'products', 'delivery', 'finance', 'support'] as const) {
      expect(sideOf(order, member('m', role))).toBe('provider');
      expect(canRead(order, member('m', role))).toBe(true);
    }
    expect(sideOf(order, member('m', 'admin', 'other'))).toBe('none');
    expect(actorFor(order, member('m', 'delivery'), 'start')).toMatchObject({ id: 'm', role: 'provider', memberRole: 'delivery' });
    expect(() => actorFor(order, member('m', 'finance'), 'start')).toThrow(expect.objectContaining({ status: 403, code: 'MEMBER_ROLE_FORBIDDEN' }));
    expect(actorFor(order, member('m', 'support'), 'message')).toMatchObject({ memberRole: 'support' });
    expect(() => actorFor(order, member('m', 'support'), 'appeal')).toThrow(expect.objectContaining({ code: 'MEMBER_ROLE_FORBIDDEN' }));
  });

  it('keeps an operator from settling an order of an organisation they belong to', () => {
    expect(isOwnAsOperator(order, { id: 'm', role: 'operator', memberOf: ['p'] })).toBe(true);
    expect(isOwnAsOperator(order, { id: 'm', role: 'operator', memberOf: ['other'] })).toBe(false);
  });

  it('keeps an operator from settling an order they are a party of', () => {
    expect(isOwnAsOperator(order, { id: 'b', role: 'operator' })).toBe(true);
    expect(isOwnAsOperator(order, { id: 'o', role: 'operator' })).toBe(false);
    expect(isOwnAsOperator(order, { id: 'b', role: 'buyer' })).toBe(false);
  });

  it('writes the same answer as a condition: own side, or an operator while the order is disputed', () => {
    expect(writerCondition(spell, user('b', 'buyer'))).toBe('buyerId = b');
    expect(writerCondition(spell, user('u', 'buyer', 'provider'))).toBe('(buyerId = u OR providerId = u)');
    expect(writerCondition(spell, user('o', 'operator'))).toBe('status = disputed');
    // as provider: the organisations whose member role the action allows
    expect(writerCondition(spell, member('m', 'support'), ['admin', 'delivery'])).toBe('buyerId = null');
    expect(writerCondition(spell, member('m', 'delivery'), ['admin', 'delivery'])).toBe('providerId = p');
  });
});
