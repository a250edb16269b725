import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { config } from '../config';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import type { DomainEvent } from '../events/contracts';
import { MailUnavailableError, sendMail } from '../mail';
import { notificationMail } from '../mail/templates/notification';
import { notificationsOf, subjectOf, type Subject } from '../notifications/fanout';
import type { NotificationItem } from '../notifications/schemas';
import { logger } from '../observability/logger';
import { emailMarkItem, profileItem } from './items';
import { wantsEmail } from './model';
import { ensureProfile } from './repository';
import type { Profile } from './schemas';

/** How long a mark keeps a redelivered event from mailing again: as long as the bus retries (a day). */
const MARK_TTL_SECONDS = 24 * 60 * 60 + 3600;

export interface EmailOutcome {
  sent: number;
  /** Recipients who do not want this kind by email. */
  unwanted: number;
  /** Already mailed (a redelivered event). */
  repeated: number;
  /** SES refused the message itself: given up, not retried. */
  refused: number;
}

/** The console page a notification is about, as its recipient reaches it; the inbox when that is ambiguous. */
export const pageOf = (n: NotificationItem, subject: Subject): string => {
  const base = config.consoleUrl;
  if (n.orderId) {
    if (subject?.order?.buyerId === n.recipientId) return `${base}/buyer/orders/${n.orderId}`;
    // an appeal also reaches the operators, whose page is another
    return n.action === 'appeal' ? `${base}/inbox` : `${base}/provider/orders/${n.orderId}`;
  }
  // a provider application's decision: the applicant's 服务商入驻 page
  if (n.applicationId) return `${base}/apply`;
  if (n.productId && n.action === 'low-stock') return `${base}/provider/products/${n.productId}/codes`;
  if (n.productId) return n.action === 'submitted' ? `${base}/operator/reviews/${n.productId}` : `${base}/provider/products/${n.productId}`;
  return `${base}/inbox`;
};

const readProfile = async (userId: string): Promise<Profile | undefined> => {
  const item = (await ddb.send(new GetCommand({ TableName: tableName, Key: keys.profile(userId) }))).Item;
  return item ? profileItem.parse(item) : undefined;
};

/** Puts the mark of (event, recipient); false when it was there already (mailed before). */
const mark = async (eventId: string, recipientId: string, now: Date) => {
  try {
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: emailMarkItem.item({ eventId, recipientId, expiresAt: Math.floor(now.getTime() / 1000) + MARK_TTL_SECONDS }),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
};

const unmark = (eventId: string, recipientId: string) => ddb.send(new DeleteCommand({ TableName: tableName, Key: keys.emailMark(eventId, recipientId) }));

/**
 * The email consumer: each notification an event makes (the same ones the inbox records) is also mailed to
 * its recipient when their profile wants that kind, in their language. A mark per event and recipient is put
 * before the send, so a redelivered event mails nobody twice; a send that fails takes its mark back and, once
 * the others are done, fails the invocation, so that the bus delivers the event again (the marks of those
 * already mailed keep the retry from mailing them twice).
 */
export const mailNotifications = async (event: DomainEvent, now = new Date()): Promise<EmailOutcome> => {
  const outcome: EmailOutcome = { sent: 0, unwanted: 0, repeated: 0, refused: 0 };
  const subject = await subjectOf(event);
  let failure: unknown;
  for (const n of await notificationsOf(event, subject)) {
    const profile = await ensureProfile(n.recipientId, await readProfile(n.recipientId), now).catch((err: unknown) => {
      // a recipient the pool no longer has gets no email
      if ((err as { status?: number })?.status === 401) return undefined;
      throw err;
    });
    if (!profile || !wantsEmail(profile.emailPreferences, n.action)) {
      outcome.unwanted++;
      continue;
    }
    if (!(await mark(event.id, n.recipientId, now))) {
      outcome.repeated++;
      continue;
    }
    try {
      await sendMail({ to: profile.email, locale: profile.locale, template: notificationMail, data: { title: n.title, body: n.body, url: pageOf(n, subject) } });
      outcome.sent++;
    } catch (err) {
      if (err instanceof MailUnavailableError && err.permanent) {
        // the address or the message was refused: no retry changes that; the mark stays
        logger.warn('notification email refused', { eventId: event.id, recipientId: n.recipientId, reason: err.reason });
        outcome.refused++;
        continue;
      }
      await unmark(event.id, n.recipientId);
      failure ??= err;
    }
  }
  if (failure) throw failure;
  return outcome;
};
