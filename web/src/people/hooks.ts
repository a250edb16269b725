import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { looseApi } from '../api/loose';
import type { Locale } from '../api/types';
import { useSession } from '../app/session';
import { idem, useCommand } from '../app/use-command';
import { peopleKeys } from './keys';
import { parseMe } from './me';

export type { Me, Membership } from './me';

/** What `PUT /me` takes: any of the profile's fields. */
export interface ProfileInput {
  displayName?: string;
  phone?: string | null;
  locale?: Locale;
  emailPreferences?: Record<string, boolean>;
}

/** `GET /me`: the profile, with the organisations and the role in each. */
export const useMe = () => useQuery({ queryKey: peopleKeys.me(), queryFn: async () => parseMe(await unwrap(looseApi().GET('/me', {}))) });

/** `PUT /me` once (registration saves the display name chosen). */
export const saveProfile = async (body: ProfileInput, key: string = crypto.randomUUID()) =>
  parseMe(await unwrap(looseApi().PUT('/me', { body, headers: idem(key) })));

/** 保存 the profile; the header's name follows. */
export const useSaveProfile = () => {
  const { refresh } = useSession();
  return useCommand('saveProfile', (body: ProfileInput, key) => saveProfile(body, key), {
    invalidate: [peopleKeys.me()],
    onSuccess: () => void refresh(),
  });
};
