import { api, ApiProblem, unwrap } from '../api/client';
import type { Me, MemberRole } from '../api/types';

/** One organisation the person belongs to, with their member role in it. */
export interface Membership {
  providerId: string;
  role: MemberRole;
  organisationName: string;
}

/** The organisations of `GET /me` as the session keeps them. */
export const membershipsOf = (me: Me): Membership[] => me.organisations.map((o) => ({ providerId: o.providerId, role: o.role, organisationName: o.name }));

/** `GET /me`; undefined while the API has no such route (the console then keeps the token's groups). */
export const loadMe = async (): Promise<Me | undefined> => {
  try {
    return await unwrap(api().GET('/me'));
  } catch (err) {
    if (err instanceof ApiProblem && err.missingRoute) return undefined;
    throw err;
  }
};
