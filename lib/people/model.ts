/**
 * Profiles (spec 2.1 Accounts): the rules, without I/O.
 */
import { MANUAL_ORDER_ACTIONS } from '../orders/schemas';

/** The notification kinds (a notification's `type`) a person may also receive by email. */
export const EMAIL_KINDS = [
  // orders: the timeline actions that notify
  ...MANUAL_ORDER_ACTIONS,
  // products: review decisions, takedowns, and submissions for the operators
  'approved',
  'rejected',
  'taken-down',
  'submitted',
  // organisations: suspended and reinstated (every member hears of it)
  'suspend',
  'reinstate',
  // redemption codes: a plan's stock fell below 10
  'low-stock',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * What a new profile receives by email: what asks the person to act or decides something of theirs. Chat
 * messages, starts and the platform's automatic steps stay in the inbox only.
 */
export const DEFAULT_EMAIL_KINDS: readonly EmailKind[] = [
  'create',
  'submit-requirements',
  'reject-requirements',
  'complete',
  'urge',
  'reject-completion',
  'appeal',
  'resolve',
  'remind',
  'approved',
  'rejected',
  'taken-down',
  'submitted',
  'suspend',
  'reinstate',
  'low-stock',
];

export const DISPLAY_NAME_MAX = 30;

/** A mainland China mobile number (11 digits, 13x–19x). */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** The display name a profile starts with: the email's local part, within the length a name may have. */
export const defaultDisplayName = (email: string): string => {
  const local = (email.split('@')[0] ?? '').trim();
  const name = [...local].slice(0, DISPLAY_NAME_MAX).join('');
  return name || 'user';
};

/** Whether a person wants a notification of this kind by email. */
/**
 * Kinds mailed whatever the preferences: the decision on a person's own provider application (spec 2.1 Email:
 * application decisions are sent by email), which they are waiting for and cannot learn of elsewhere in time.
 */
export const ALWAYS_MAILED_KINDS: readonly string[] = ['application-approved', 'application-rejected'];

export const wantsEmail = (preferences: readonly string[], kind: string) => ALWAYS_MAILED_KINDS.includes(kind) || preferences.includes(kind);
