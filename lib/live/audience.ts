import type { DomainEvent } from '../events/contracts';
import { canRead, type OrderUser } from '../orders/access';
import { notificationsOf, peopleOf, type Subject } from '../notifications/fanout';

/**
 * What a console is told (spec 5.1): which object changed and its version after the change, never the object
 * itself; the console reads it again through the HTTP API, under that API's own rules.
 * - `order`: an order its person is a party to (or, for operators, an order in the appeal queue);
 * - `product`: a provider's own product; `inbox`: the person's inbox (its unread count);
 * - `review-queue`, `appeal-queue`: the operators' queues gained or lost an entry.
 */
export type NoticeType = 'order' | 'product' | 'inbox' | 'review-queue' | 'appeal-queue';
export interface Notice {
  type: NoticeType;
  id: string;
  version?: number;
}

/** One person to tell, what, and the HTTP API's rule for reading it, checked against each connection's token roles. */
export interface Telling {
  userId: string;
  notice: Notice;
  may: (user: OrderUser) => boolean;
  /** An inbox notice: told once the inbox consumer recorded the notification (see lib/live/push.ts). */
  notificationId?: string;
  /** The inbox that records it: the person's own, or the operators' shared one. */
  inbox?: string;
}

const isOperator = (u: OrderUser) => u.roles.includes('operator');
/**
 * A member of the organisation, as its team was read for this event (a connection carries its token's roles,
 * not memberships): GET /provider/products/{id} and GET /orders/{id} answer its members.
 */
const memberOf = (members: readonly string[]) => (u: OrderUser) => members.includes(u.id);

/** Product steps that move the operators' review queue (GET /operator/reviews). */
const REVIEW_QUEUE_ACTIONS = new Set(['submit', 'withdraw', 'approve', 'reject']);

/**
 * Who hears of an event and what: the parties of the order (the people `peopleOf` says they are), the
 * provider of a product, the operators when a queue moves, and the recipients of the event's notifications
 * (the inbox consumer's own `notificationsOf`). The one place that decides who a live console hears from.
 */
export const audienceOf = async (event: DomainEvent, subject: Subject): Promise<Telling[]> => {
  const out: Telling[] = [];
  if (subject?.order && event.type.startsWith('order.')) {
    const { order } = subject;
    const data = event.data as { from?: string | null; to?: string; orderVersion?: number };
    const notice: Notice = { type: 'order', id: order.orderId, ...(data.orderVersion ? { version: data.orderVersion } : {}) };
    const members = await peopleOf('provider', order);
    const may = (u: OrderUser) => canRead(order, u) || memberOf(members)(u);
    for (const userId of [...(await peopleOf('buyer', order)), ...members]) out.push({ userId, notice, may });
    // the appeal queue (orders in `disputed`) gains or loses this order; operators may read every order
    if (data.from === 'disputed' || data.to === 'disputed') {
      for (const userId of await peopleOf('operators', order)) {
        out.push({ userId, notice: { ...notice, type: 'appeal-queue' }, may: isOperator });
        out.push({ userId, notice, may });
      }
    }
  } else if (subject?.product) {
    const { product } = subject;
    const action = (event.data as { action: string }).action;
    const notice: Notice = { type: 'product', id: product.productId, version: product.version };
    const members = await peopleOf('provider', product);
    for (const userId of members) out.push({ userId, notice, may: memberOf(members) });
    if (REVIEW_QUEUE_ACTIONS.has(action)) {
      for (const userId of await peopleOf('operators', product)) out.push({ userId, notice: { ...notice, type: 'review-queue' }, may: isOperator });
    }
  }
  for (const n of await notificationsOf(event, subject)) {
    out.push({ userId: n.recipientId, notice: { type: 'inbox', id: n.notificationId }, may: (u) => u.id === n.recipientId, notificationId: n.notificationId, inbox: n.inbox });
  }
  // one telling per person and notice (a person on both sides of an order hears it once)
  const seen = new Set<string>();
  return out.filter((t) => {
    const key = `${t.userId} ${t.notice.type} ${t.notice.id}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
};
