import type { z } from 'zod';
import type { Reference } from '../../attachments/model';
import type { Config } from '../../config';
import type { DayCounter } from '../../dashboard/model';
import type { DomainError } from '../../http/errors';
import type { MemberRole } from '../../providers/roles';
import type { OrderItem, OrderStatus, RequirementStatus, TimelineEntry } from '../schemas';

export type OrderRole = 'buyer' | 'provider' | 'operator' | 'system';
export type OrderRules = Config['orders'];

/** Who takes a command, in which role. */
export interface Actor {
  id: string;
  role: OrderRole;
  /** A provider's member role in the order's organisation (the timeline names it: "张三 · 交付"). */
  memberRole?: MemberRole;
  /** The person's display name, copied onto the timeline entry at write time (spec 7.1 `actorName`). */
  name?: string;
  /** The organisation a platform-given provider actor acts for (seeding); a person's is the membership read. */
  providerId?: string;
  /** The organisations the person belongs to (separation of duties for operators). */
  memberOf?: readonly string[];
}

/**
 * The domain event an accepted command is published as (spec 5.1). A plain name for now: the event
 * contracts (shape, version) are declared with the event stream.
 */
export type OrderEventType =
  | 'order.status_changed'
  | 'order.requirements_submitted'
  | 'order.requirements_rejected'
  | 'order.urged'
  | 'order.reminded'
  | 'order.message_posted'
  | 'order.instance_changed'
  | 'order.saas_called';

/** Who hears of an accepted command: a party of the order, or the operators. */
export type Audience = 'buyer' | 'provider' | 'operators';

/**
 * One order command: its rule (who, from which statuses, to which), its input, its guards and their
 * problems, its effect on the order, its timeline data, its event, who hears of it and what it counts on
 * the provider's dashboard. `I` is its member of the {@link CommandInput} union; `R` its guards' refusals.
 */
export interface OrderCommandDef<I extends { action: string }, R extends { kind: string } = never> {
  action: I['action'];
  /** The roles that may take it. */
  roles: readonly OrderRole[];
  /**
   * The member roles that may take it as the order's provider (`rolesFor(...)`, lib/providers/roles.ts; the
   * administrator always may); absent: every member. Else 403 MEMBER_ROLE_FORBIDDEN.
   */
  memberRoles?: readonly MemberRole[];
  /** The statuses it may be taken from. */
  from: readonly OrderStatus[];
  /** Narrower source statuses for one role (an operator may only write into a dispute). */
  fromByRole?: Partial<Record<OrderRole, readonly OrderStatus[]>>;
  /** The next status; `null` keeps it; a function when the input decides (the operator's resolution). */
  to: OrderStatus | null | ((input: I) => OrderStatus);
  /** The step hands the turn to the other party (the clock of an appeal for stalling restarts). */
  turn: boolean;
  event: OrderEventType;
  /** The HTTP body (the input without its `action`); none for a command without input. */
  body?: z.ZodType<Omit<I, 'action'>>;
  /** The command's own rules beyond who and from where, pure: the clock is a parameter. */
  guard?: (o: OrderItem, c: { role: OrderRole; now: Date; rules: OrderRules }) => R | undefined;
  /** The problem a refusal of {@link guard} answers, given the status the refusal saw. */
  problem?: (refusal: R, status: OrderStatus) => DomainError;
  /** Checks the input against the order (throws a ValidationError); `attachmentIds` are the order's. */
  validate?: (o: OrderItem, input: I, attachmentIds: ReadonlySet<string>) => void;
  /** The attachments the input references, each with the field that names it. */
  references?: (input: I, o: OrderItem) => Reference[];
  /**
   * The requirements form's status the command leaves (its `apply` writes it): the timeline's labels
   * replay the form's course from these, so an entry's buyer name follows the same rule as the order's.
   */
  requirements?: Exclude<RequirementStatus, 'none'>;
  /** What the command changes on the order beyond status, version and clocks. */
  apply?: (o: OrderItem, input: I, c: { actor: Actor; at: string; to: OrderStatus }) => Partial<OrderItem>;
  /**
   * Its timeline entry's data: what the party said or did, and what the change made of the order where the
   * record needs it (变更规格's price difference), from the order before and after the command.
   */
  entry: (input: I, change?: { before: OrderItem; after: OrderItem }) => Record<string, unknown>;
  /** Who hears of it, given the actor's role; by default the other party of a person, both parties after the platform. */
  notifies?: (role: string, data: Record<string, unknown>) => Audience[];
  /**
   * What a client shows before taking it, as the order is now (变更规格: the price difference of each plan it may
   * choose): answered beside the action in the order's `actions`, so a client keeps no copy of the rule.
   */
  quotes?: (o: OrderItem, now: Date) => { planId: string; difference: number }[];
  /** What its timeline entry adds to the provider's day on the dashboard (status moves are counted for every command). */
  dashboard?: (entry: TimelineEntry, order: OrderItem) => Partial<Record<DayCounter, number>>;
}

/** Declares a command, keeping its input and refusal types for the registry. */
export const defineCommand = <I extends { action: string }, R extends { kind: string } = never>(def: OrderCommandDef<I, R>) => def;

/** The attachments listed in an input's `attachments`, each named by its index. */
export const listedAttachments = (ids: readonly string[] | undefined): Reference[] =>
  (ids ?? []).map((attachmentId, i) => ({ path: `attachments.${i}`, attachmentId }));

/** Whose step the order waits for: the party that stalls it. */
export const waitingFor = (o: Pick<OrderItem, 'status' | 'requirements' | 'product'>): 'buyer' | 'provider' | null => {
  switch (o.status) {
    case 'awaiting_start':
      return o.product.requirementsBeforeStart && o.requirements.status !== 'submitted' ? 'buyer' : 'provider';
    case 'implementing':
      return 'provider';
    case 'awaiting_confirmation':
      return 'buyer';
    default:
      return null;
  }
};
