import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { isApplicationEvent, isOrderEvent, isProviderEvent, type ApplicationEvent, type DomainEvent } from '../events/contracts';
import { organisationItem, organisationSchema, type Organisation } from '../providers/items';
import { orderOf } from '../events/order';
import type { OrderItem } from '../orders/schemas';
import type { ProductItem } from '../products/schemas';
import { readProduct } from '../products/layout';
import { notice as noticeOf, orderMessage, orderRecipients, productNotice, type Party } from './messages';
import { operatorIds } from './operators';
import { memberIdsOf } from '../providers/team';
import { rolesFor } from '../providers/roles';
import { recordNotification } from './repository';
import { OPERATORS_INBOX } from './items';
import type { NotificationItem } from './schemas';

const read = async (key: { PK: string; SK: string }) =>
  (await ddb.send(new GetCommand({ TableName: tableName, Key: key }))).Item;

export type Outcome = 'ignored' | 'notified';

/** What an event is about, as stored now: its order, or its product (undefined: a product deleted since). */
export type Subject =
  | { order: OrderItem; product?: undefined; organisation?: undefined }
  | { product: ProductItem; order?: undefined; organisation?: undefined }
  | { organisation: Organisation; order?: undefined; product?: undefined }
  | undefined;

/** Reads the order or product an event is about (one GetItem); an event of a missing order throws (retried). */
export const subjectOf = async (event: DomainEvent): Promise<Subject> => {
  if (isOrderEvent(event)) return { order: await orderOf(event) };
  // an application's decision carries what its notice says: nothing to read
  if (isApplicationEvent(event)) return undefined;
  if (isProviderEvent(event)) {
    const org = await read(organisationItem.key({ providerId: event.data.providerId }));
    return org ? { organisation: organisationSchema.parse(org) } : undefined;
  }
  const product = await readProduct(event.data.productId);
  // a never-listed product may have been deleted since; its events notify nobody
  return product ? { product } : undefined;
};

/**
 * The people a party of an order or product is. The one place that knows who "the provider" is: the
 * members of the organisation (GSI1 `PROVIDER#<providerId>#MEMBERS`), whatever their member role.
 */
export const peopleOf = async (party: Party, parties: { buyerId?: string; providerId: string }): Promise<string[]> => {
  if (party === 'operators') return operatorIds();
  if (party === 'buyer') return parties.buyerId ? [parties.buyerId] : [];
  if (party === 'provider-codes') return memberIdsOf(parties.providerId, rolesFor('codes'));
  return memberIdsOf(parties.providerId);
};

/**
 * A notification and the inbox that records it: the recipient's own, or for a notice to the operators the
 * operators' shared inbox (OPERATORS_INBOX), which every operator's inbox reads.
 */
export type Addressed = NotificationItem & { inbox: string };

/**
 * The notifications an event makes (站内信), one per recipient (the operators as one shared inbox when `shared`), each keyed by the event id and its recipient.
 * The inbox consumer records them; the live console tells their recipients that their inbox changed.
 */
/** The page of the order a party's notification opens. */
const sideOf = (party: Party) => (party === 'buyer' ? 'buyer' : party === 'operators' ? 'operator' : 'provider');

export const notificationsOf = async (event: DomainEvent, subject: Subject, opts: { shared?: boolean } = {}): Promise<Addressed[]> => {
  if (isApplicationEvent(event)) return applicationNotifications(event);
  const out: Addressed[] = [];
  /** A party's recipients: the operators are one shared inbox when recording, each operator otherwise. */
  const recipients = async (party: Party, parties: { buyerId?: string; providerId: string }) =>
    party === 'operators' && opts.shared ? [OPERATORS_INBOX] : peopleOf(party, parties);
  const inboxOf = (party: Party, recipientId: string) => (party === 'operators' ? OPERATORS_INBOX : recipientId);
  if (subject?.order && isOrderEvent(event)) {
    const { order } = subject;
    const { action, role, detail } = event.data;
    const message = orderMessage(action, { name: order.product.name, id: order.orderId, data: detail });
    if (!message) return [];
    for (const party of orderRecipients(action, role, detail)) {
      for (const recipientId of await recipients(party, order)) {
        out.push({ notificationId: event.id, recipientId, inbox: inboxOf(party, recipientId), action, orderId: order.orderId, side: sideOf(party), ...message, read: false, createdAt: event.occurredAt });
      }
    }
    return out;
  }
  if (subject?.organisation && isProviderEvent(event)) {
    // suspension: every member of the organisation hears of it (spec 2.1)
    const { organisation } = subject;
    const facts = { name: organisation.name, id: organisation.providerId, data: event.data.detail };
    const message =
      event.type === 'provider.suspended'
        ? noticeOf('provider.suspended', { ...facts, reason: typeof facts.data.reason === 'string' ? facts.data.reason : '' })
        : noticeOf('provider.reinstated', facts);
    for (const recipientId of await peopleOf('provider', organisation)) {
      out.push({ notificationId: event.id, recipientId, inbox: recipientId, action: event.data.action, ...message, read: false, createdAt: event.occurredAt });
    }
    return out;
  }
  if (!subject?.product || isOrderEvent(event) || isProviderEvent(event) || isApplicationEvent(event)) return [];
  const { product } = subject;
  const content = product.live ?? product.draft;
  const data: Record<string, unknown> = { ...event.data.detail };
  // a plan is named as the product shows it (the event carries its id)
  if (typeof data.planId === 'string') data.planName = content.plans.find((p) => p.planId === data.planId)?.name ?? data.planId;
  const notice = productNotice(event.data.action, { name: content.name, id: product.productId, data });
  if (!notice) return [];
  for (const recipientId of await recipients(notice.to, product)) {
    out.push({ notificationId: event.id, recipientId, inbox: inboxOf(notice.to, recipientId), action: notice.type, productId: product.productId, ...notice.message, read: false, createdAt: event.occurredAt });
  }
  return out;
};

/** A provider application's decision (入驻审核) is told to its applicant, whatever their roles. */
const applicationNotifications = (event: ApplicationEvent): Addressed[] => {
  const { applicationId, applicantId, companyName, action, detail } = event.data;
  const facts = { name: companyName, id: applicationId };
  const message =
    action === 'approve'
      ? noticeOf('application.approve', facts)
      : noticeOf('application.reject', { ...facts, reason: typeof detail.reason === 'string' ? detail.reason : '' });
  return [{ notificationId: event.id, recipientId: applicantId, inbox: applicantId, action: `application-${event.data.decision}`, applicationId, ...message, read: false, createdAt: event.occurredAt }];
};

/**
 * The inbox consumer: one domain event becomes the notifications of the parties concerned, each keyed by the
 * event id and its recipient, so a redelivered event notifies nobody twice. A notice to the operators is one
 * notification in their shared inbox, whatever their number.
 */
export const notifyInboxes = async (event: DomainEvent): Promise<Outcome> => {
  const notifications = await notificationsOf(event, await subjectOf(event), { shared: true });
  if (!notifications.length) return 'ignored';
  for (const { inbox: _inbox, ...n } of notifications) await recordNotification(n);
  return 'notified';
};
