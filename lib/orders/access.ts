import { orderCommands, sourceStatuses, type OrderCommand } from './commands';
import type { Actor, OrderRole } from './commands/command';
import type { OrderItem } from './schemas';

/**
 * Who a person is to an order, answered once for every caller (reads, commands, attachments, ratings).
 * A user in several groups is on the side of the order their id is on: the purchaser acts as its buyer,
 * the seller as its provider, never as the first group of the token (spec 2); an operator who is neither
 * is an operator.
 */
export type Side = 'buyer' | 'provider' | 'operator' | 'none';

/** A signed-in user: an id and the groups of the token. */
export interface OrderUser {
  id: string;
  roles: readonly string[];
}

type Parties = Pick<OrderItem, 'buyerId' | 'providerId'>;

/** The first of `sides` the user is on: a party role needs the order's id to be theirs, `operator` the group alone. */
const firstSide = (o: Parties, user: OrderUser, sides: readonly OrderRole[]): Exclude<Side, 'none'> | undefined => {
  const holds = (r: OrderRole) => sides.includes(r) && user.roles.includes(r);
  if (holds('buyer') && o.buyerId === user.id) return 'buyer';
  if (holds('provider') && o.providerId === user.id) return 'provider';
  if (holds('operator')) return 'operator';
  return undefined;
};

const ANY_SIDE: readonly OrderRole[] = ['buyer', 'provider', 'operator'];

/** The side of an order a user is on: its buyer, its provider, else an operator; `none` for anyone else. */
export const sideOf = (o: Parties, user: OrderUser): Side => firstSide(o, user, ANY_SIDE) ?? 'none';

/** Whether a user may read an order, its timeline and its attachments: its buyer, its provider, or an operator. */
export const canRead = (o: Parties, user: OrderUser) => sideOf(o, user) !== 'none';

/** The role a user takes a command in on this order: the side they are on among the command's roles. */
export const roleFor = (o: Parties, user: OrderUser, action: OrderCommand): OrderRole | undefined =>
  firstSide(o, user, orderCommands[action].roles);

/**
 * The actor of a command: a user acts as the side of the order they are on; an actor given with its role
 * (the platform's jobs, seeding) must be that side of this order. Undefined when neither holds.
 */
export const actorFor = (o: Parties, who: Actor | OrderUser, action: OrderCommand): Actor | undefined => {
  if ('roles' in who) {
    const role = roleFor(o, who, action);
    return role && { id: who.id, role };
  }
  const onItsSide = who.role === 'buyer' ? o.buyerId === who.id : who.role === 'provider' ? o.providerId === who.id : true;
  return onItsSide ? who : undefined;
};

/** Separation of duties: an operator never settles an order they bought or sell. */
export const isOwnAsOperator = (o: Parties, actor: Actor) => actor.role === 'operator' && (o.buyerId === actor.id || o.providerId === actor.id);

/**
 * The same answer as a condition on the stored order, for a write that reads nothing first (an upload
 * grant): the user's own side as buyer or provider, or as operator while the order is in a status an
 * operator may write into (a dispute, as for a message).
 */
export const writerCondition = (e: { eq: (path: string, value: unknown) => string }, user: OrderUser): string => {
  const operatorStatuses = sourceStatuses('message', 'operator');
  const sides = [
    user.roles.includes('buyer') ? e.eq('buyerId', user.id) : undefined,
    user.roles.includes('provider') ? e.eq('providerId', user.id) : undefined,
    ...(user.roles.includes('operator') ? operatorStatuses.map((s) => e.eq('status', s)) : []),
  ].filter((c): c is string => c !== undefined);
  if (sides.length === 0) return e.eq('buyerId', null);
  return sides.length === 1 ? sides[0] : `(${sides.join(' OR ')})`;
};
