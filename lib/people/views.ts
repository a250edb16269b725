import type { Role } from '../http/auth';
import type { Person } from './person';
import type { MeView, Profile } from './schemas';

/**
 * `GET`/`PUT /me`'s answer: the profile, the roles the person may act in (everyone buys; a membership makes a
 * provider; the `operators` group an operator) and every organisation they belong to with their role.
 */
export const toMeView = (person: Person & { profile: Profile }, tokenRoles: readonly Role[]): MeView => {
  const { profile: p } = person;
  const roles = ['buyer', ...(person.memberships.length ? ['provider'] : []), ...(tokenRoles.includes('operator') ? ['operator'] : [])];
  return {
    userId: p.userId,
    email: p.email,
    displayName: p.displayName,
    ...(p.phone ? { phone: p.phone } : {}),
    locale: p.locale,
    emailPreferences: p.emailPreferences,
    roles,
    organisations: person.memberships.map((m) => ({ providerId: m.providerId, name: m.organisationName, role: m.role })),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
};
