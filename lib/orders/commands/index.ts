import type { OrderAction, OrderStatus } from '../schemas';
import type { OrderCommandDef, OrderRole } from './command';
import { appeal } from './appeal';
import { autoCancel } from './auto-cancel';
import { autoConfirm } from './auto-confirm';
import { cancel } from './cancel';
import { complete } from './complete';
import { confirm } from './confirm';
import { message } from './message';
import { rejectCompletion } from './reject-completion';
import { rejectRequirements } from './reject-requirements';
import { remind } from './remind';
import { resolve } from './resolve';
import { start } from './start';
import { submitRequirements } from './submit-requirements';
import { urge } from './urge';
// 兑换码交付
import { reveal } from './reveal';
// SaaS orders (spec 3.1)
import { changePlan } from './change-plan';
import { destroy } from './destroy';
import { expire } from './expire';
import { provision } from './provision';
import { refund } from './refund';
import { renew } from './renew';
import { saasCall } from './saas-call';

/**
 * Every order command, by the action it records (`create` is the purchase, in the repository). Adding an
 * action: its file in this folder, its line here, its texts in the catalogue, its function and its button.
 */
export const orderCommands = {
  'submit-requirements': submitRequirements,
  'reject-requirements': rejectRequirements,
  start,
  complete,
  urge,
  confirm,
  'reject-completion': rejectCompletion,
  cancel,
  appeal,
  resolve,
  remind,
  'auto-confirm': autoConfirm,
  'auto-cancel': autoCancel,
  message,
  // 兑换码交付
  reveal,
  // SaaS orders (spec 3.1)
  provision,
  'saas-call': saasCall,
  renew,
  'change-plan': changePlan,
  refund,
  expire,
  destroy,
} as const;

type Registry = typeof orderCommands;
/** An order command: every action of the timeline but the purchase (declared apart from the registry, which the message catalogue's types depend on). */
export type OrderCommand = Exclude<OrderAction, 'create'>;

type InputOf<D> = D extends { entry: (input: infer I) => unknown } ? I : never;
type RefusalOf<D> = D extends { guard?: (...args: never[]) => infer R } ? Exclude<R, undefined> : never;

/** A command's input: one member per command, keyed by its `action`. */
export type CommandInput = { [C in OrderCommand]: InputOf<Registry[C]> }[OrderCommand];
/** The input of one command. */
export type CommandInputOf<C extends OrderCommand> = Extract<CommandInput, { action: C }>;
/** Why a command is refused: its role or status, or one of its guards. */
export type Refusal = { kind: 'role' } | { kind: 'status' } | { [C in OrderCommand]: RefusalOf<Registry[C]> }[OrderCommand];

/** A command's declaration, typed by its input (the registry's members, seen one at a time). */
export const commandOf = <C extends OrderCommand>(action: C) =>
  orderCommands[action] as unknown as OrderCommandDef<CommandInputOf<C>, { kind: string }>;

/** The statuses a role may take a command from. */
export const sourceStatuses = (action: OrderCommand, role: OrderRole): readonly OrderStatus[] =>
  orderCommands[action].fromByRole?.[role] ?? orderCommands[action].from;

export const ORDER_COMMANDS = Object.keys(orderCommands) as OrderCommand[];

// each command is declared under its own action, every command is in the registry and nothing else is
const _keyed: { [C in OrderCommand]: { action: C } } = orderCommands;
const _known: keyof Registry extends OrderCommand ? true : never = true;
void _keyed;
void _known;
export type { Actor, Audience, OrderCommandDef, OrderEventType, OrderRole, OrderRules } from './command';
