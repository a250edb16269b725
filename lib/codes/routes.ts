import type { User } from '../http/auth';

/**
 * The organisation a provider route acts for: the one the request names (`user.provider`, set by the access
 * check for `/provider/*` routes), else the person's own id (test and migrated organisations share it).
 */
export const actingProviderId = (user: User): string => (user as User & { provider?: { providerId: string } }).provider?.providerId ?? user.id;
