import { ApiProblem, unwrap } from '../api/client';
import { looseApi } from '../api/loose';
import { LOCALES, MEMBER_ROLES, isOneOf, type Locale, type MemberRole } from '../api/types';

/** One organisation the person belongs to, with their member role in it. */
export interface Membership {
  providerId: string;
  role: MemberRole;
  organisationName: string;
}

/** `GET /me`: the profile, the email preferences and the organisations with the person's role in each. */
export interface Me {
  userId: string;
  email: string;
  displayName: string;
  phone?: string | null;
  locale: Locale;
  emailPreferences: Record<string, boolean>;
  organisations: Membership[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

/** The answer read without trusting more of its shape than the page uses. */
export const parseMe = (body: unknown): Me => {
  const b = record(body);
  const orgs = Array.isArray(b.organisations) ? b.organisations : Array.isArray(b.memberships) ? b.memberships : [];
  const prefs = record(b.emailPreferences);
  return {
    userId: text(b.userId),
    email: text(b.email),
    displayName: text(b.displayName),
    phone: typeof b.phone === 'string' ? b.phone : null,
    locale: isOneOf(LOCALES, b.locale) ? b.locale : 'zh-CN',
    emailPreferences: Object.fromEntries(Object.entries(prefs).filter(([, v]) => typeof v === 'boolean')) as Record<string, boolean>,
    organisations: orgs
      .map(record)
      .filter((o) => typeof o.providerId === 'string' && isOneOf(MEMBER_ROLES, o.role))
      .map((o) => ({ providerId: text(o.providerId), role: o.role as MemberRole, organisationName: text(o.organisationName) || text(o.name) || text(o.providerId) })),
  };
};

/** `GET /me`; undefined while the API has no such route (the console then keeps the token's groups). */
export const loadMe = async (): Promise<Me | undefined> => {
  try {
    return parseMe(await unwrap(looseApi().GET('/me', {})));
  } catch (err) {
    if (err instanceof ApiProblem && err.missingRoute) return undefined;
    throw err;
  }
};
