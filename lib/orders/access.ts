import { isMemberOf, memberRoleIn, MemberRoleForbiddenError } from '../providers/access';
import { roleAllows, type MemberRole } from '../providers/roles';
import { orderCommands, sourceStatuses, type OrderCommand } from './commands';
import type { Actor, OrderRole } from './commands/command';
import type { OrderItem } from './schemas';

/**
 * Who a person is to an order, answered once for every caller (reads, commands, attachments, ratings).
 * A user in several roles is on the side of the order they are on: the purchaser acts as its buyer, a
 * member of the selling organisation as its provider (spec 2), never as the first group of the token; an
 * operator who is neither is an operator.
 */
export type Side = 'buyer' | 'provider' | 'operator' | 'none';

/** A signed-in user: an id, their roles and (read with the request) their memberships. */
export interface OrderUser {
  id: string;
  roles: readonly string[];
  memberships?: readonly { providerId: string; role: MemberRole }[];
  displayName?: string;
}

type Parties = Pick<OrderItem, 'buyerId' | 'providerId'>;

/**
 * The first of `sides` the user is on: the buyer's needs the order's buyer id to be theirs, the provider's a
 * membership of the order's organisation, `operator` the group alone.
 */
const firstSide = (o: Parties, user: OrderUser, sides: readonly OrderRole[]): Exclude<Side, 'none'> | undefined => {
  if (sides.includes('buyer') && user.roles.includes('buyer') && o.buyerId === user.id) return 'buyer';
  if (sides.includes('provider') && isMemberOf(user, o.providerId)) return 'provider';
  if (sides.includes('operator') && user.roles.includes('operator')) return 'operator';
  return undefined;
};

const ANY_SIDE: readonly OrderRole[] = ['buyer', 'provider', 'operator'];

/** The side of an order a user is on: its buyer, its provider, else an operator; `none` for anyone else. */
export const sideOf = (o: Parties, user: OrderUser): Side => firstSide(o, user, ANY_SIDE) ?? 'none';

/** Whether a user may read an order, its timeline and its attachments: its buyer, its provider's members, or an operator. */
export const canRead = (o: Parties, user: OrderUser) => sideOf(o, user) !== 'none';

/** The role a user takes a command in on this order: the side they are on among the command's roles. */
export const roleFor = (o: Parties, user: OrderUser, action: OrderCommand): OrderRole | undefined =>
  firstSide(o, user, orderCommands[action].roles);

/** The member roles that may take a command as the order's provider (absent: every member). */
export const memberRolesOf = (action: OrderCommand): readonly MemberRole[] | undefined =>
  (orderCommands[action] as { memberRoles?: readonly MemberRole[] }).memberRoles;

/** Whether the user's member role in the order's organisation lets them take the command as its provider. */
export const memberMay = (o: Parties, user: OrderUser, action: OrderCommand): boolean => {
  const role = memberRoleIn(user as { memberships?: { providerId: string; role: MemberRole; organisationName: string }[] }, o.providerId);
  return role !== undefined && roleAllows(role, memberRolesOf(action));
};

/**
 * The actor of a command: a user acts as the side of the order they are on, as its provider only in a member
 * role the command allows (403 MEMBER_ROLE_FORBIDDEN otherwise); an actor given with its role (the
 * platform's jobs, seeding) must be that side of this order. Undefined when neither holds.
 */
export const actorFor = (o: Parties, who: Actor | OrderUser, action: OrderCommand): Actor | undefined => {
  if ('roles' in who) {
    const role = roleFor(o, who, action);
    if (!role) return undefined;
    if (role === 'provider') {
      if (!memberMay(o, who, action)) throw new MemberRoleForbiddenError(['admin', ...(memberRolesOf(action) ?? [])]);
      return { id: who.id, role, memberRole: memberRoleIn(who as never, o.providerId), memberOf: memberIds(who), ...named(who) };
    }
    return { id: who.id, role, memberOf: memberIds(who), ...named(who) };
  }
  const onItsSide = who.role === 'buyer' ? o.buyerId === who.id : who.role === 'provider' ? (who.providerId ?? who.id) === o.providerId : true;
  return onItsSide ? who : undefined;
};

const named = (user: OrderUser) => (user.displayName ? { name: user.displayName } : {});

const memberIds = (user: OrderUser) => (user.memberships ?? []).map((m) => m.providerId);

/** Separation of duties: an operator never settles an order they bought or one of an organisation they belong to. */
export const isOwnAsOperator = (o: Parties, actor: Actor) =>
  actor.role === 'operator' && (o.buyerId === actor.id || (actor.memberOf ?? []).includes(o.providerId));

/**
 * The same answer as a condition on the stored order, for a write that reads nothing first (an upload
 * grant): the user's own side as buyer, the organisations they belong to in a member role `memberRoles`
 * allows as provider, or an operator while the order is in a status an operator may write into (a
 * dispute, as for a message).
 */
export const writerCondition = (
  e: { eq: (path: string, value: unknown) => string },
  user: OrderUser,
  memberRoles?: readonly MemberRole[],
): string => {
  const operatorStatuses = sourceStatuses('message', 'operator');
  const organisations = (user.memberships ?? []).filter((m) => roleAllows(m.role, memberRoles)).map((m) => m.providerId);
  const sides = [
    user.roles.includes('buyer') ? e.eq('buyerId', user.id) : undefined,
    ...organisations.map((p) => e.eq('providerId', p)),
    ...(user.roles.includes('operator') ? operatorStatuses.map((s) => e.eq('status', s)) : []),
  ].filter((c): c is string => c !== undefined);
  if (sides.length === 0) return e.eq('buyerId', null);
  return sides.length === 1 ? sides[0] : `(${sides.join(' OR ')})`;
};
