import { orderCommands } from '../orders/commands';
import { inEveryLanguage, type Language, type MessageKey, type Msg, type ParamsOf } from '../i18n';
import type { OrderAction } from '../orders/schemas';
import { clip } from '../shared/text';

/** `provider-codes`: the organisation's members who may manage its products and codes (admin, 商品管理). */
export type Party = 'buyer' | 'provider' | 'provider-codes' | 'operators';
export type Text = Record<Language, string>;
export interface Message {
  title: Text;
  body: Text;
}

interface Facts {
  name: string;
  id: string;
  data: Record<string, unknown>;
}

const said = (data: Record<string, unknown>, key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');

/** Integer fen as signed yuan with two decimals, exactly. */
const signedYuan = (fen: number) => {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/** Title and body from the catalogue's `notice.<kind>.title` / `.body`, in both languages. */
export const notice = <K extends NoticeKind>(kind: K, params: NoticeParams<K>): Message => ({
  title: inEveryLanguage({ key: `notice.${kind}.title` } as Msg),
  body: inEveryLanguage({ key: `notice.${kind}.body`, params } as Msg),
});

/** The notices that have both a title and a body in the catalogue. */
type NoticeKind = {
  [K in MessageKey]: K extends `notice.${infer N}.body` ? (`notice.${N}.title` extends MessageKey ? N : never) : never;
}[MessageKey];
type NoticeParams<K extends NoticeKind> = ParamsOf<`notice.${K}.body`>;

/** A message's first 200 characters as a reader sees them (grapheme clusters): never half an emoji. */
const excerptOf = (text: string) => clip(text, 200);

/** The wording of each order event (its texts in the catalogue), stored in Chinese and English. */
const ORDER_MESSAGES: Partial<Record<OrderAction, (f: Facts) => Message>> = {
  create: (f) => notice('order.create', f),
  'submit-requirements': (f) => notice('order.submit-requirements', f),
  'reject-requirements': (f) => notice('order.reject-requirements', { ...f, reason: said(f.data, 'reason') }),
  start: (f) => notice('order.start', f),
  complete: (f) => notice('order.complete', { ...f, note: said(f.data, 'note') }),
  urge: (f) => notice('order.urge', f),
  confirm: (f) => notice('order.confirm', f),
  'reject-completion': (f) => notice('order.reject-completion', { ...f, reason: said(f.data, 'reason') }),
  cancel: (f) => notice('order.cancel', f),
  appeal: (f) => notice('order.appeal', { ...f, reason: said(f.data, 'reason') }),
  resolve: (f) => notice('order.resolve', { ...f, outcome: said(f.data, 'outcome'), note: said(f.data, 'note') }),
  remind: (f) => (said(f.data, 'recipient') === 'provider' ? notice('order.remind-provider', f) : notice('order.remind-buyer', f)),
  'auto-confirm': (f) => notice('order.auto-confirm', f),
  message: (f) => notice('order.message', { ...f, excerpt: excerptOf(said(f.data, 'text')) }),
  'auto-cancel': (f) => notice('order.auto-cancel', f),
  // SaaS orders (`saas-call` notifies nobody)
  provision: (f) => notice('order.provision', f),
  renew: (f) => notice('order.renew', { ...f, periods: String(f.data.periods ?? '') }),
  // the plan by name and the settled difference in yuan (signed: negative was refunded)
  'change-plan': (f) =>
    notice('order.change-plan', {
      ...f,
      plan: said(f.data, 'planName') || said(f.data, 'planId'),
      difference: typeof f.data.difference === 'number' ? signedYuan(f.data.difference) : '',
    }),
  refund: (f) => notice('order.refund', { ...f, reason: said(f.data, 'reason') }),
  expire: (f) => notice('order.expire', f),
  destroy: (f) => notice('order.destroy', f),
};

/**
 * Who hears of an order event: what the command declares (lib/orders/commands: the operators of an
 * appeal, the recipient of a reminder); else the other party of a person's step, both after the platform's own.
 */
export const orderRecipients = (action: OrderAction, role: string, data: Record<string, unknown>): Party[] => {
  const declared = action === 'create' ? undefined : orderCommands[action].notifies;
  if (declared) return declared(role, data);
  if (role === 'buyer') return ['provider'];
  if (role === 'provider') return ['buyer'];
  return ['buyer', 'provider'];
};

export const orderMessage = (action: OrderAction, facts: Facts): Message | undefined => ORDER_MESSAGES[action]?.(facts);

/**
 * Review decisions reach the provider; a submission reaches the operators who review it; a plan's codes
 * running low reach the members who manage codes; a provider's other product steps (withdraw, delist) notify
 * nobody.
 */
export const productNotice = (action: string, facts: Facts): { to: Party; type: string; message: Message } | undefined => {
  const reason = said(facts.data, 'reason');
  if (action === 'approve') return { to: 'provider', type: 'approved', message: notice('product.approve', facts) };
  if (action === 'reject') return { to: 'provider', type: 'rejected', message: notice('product.reject', { ...facts, reason }) };
  if (action === 'takedown') return { to: 'provider', type: 'taken-down', message: notice('product.takedown', { ...facts, reason }) };
  if (action === 'submit') return { to: 'operators', type: 'submitted', message: notice('product.submit', facts) };
  // redemption codes: counts only (never a code), to those who can upload more
  if (action === 'low-stock') {
    const plan = said(facts.data, 'planName') || said(facts.data, 'planId');
    const message = notice('product.low-stock', { ...facts, plan, available: String(facts.data.available ?? ''), mark: String(facts.data.mark ?? '') });
    return { to: 'provider-codes', type: 'low-stock', message };
  }
  return undefined;
};
