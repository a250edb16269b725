import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { looseApi } from '../api/loose';
import type { Locale, Me, ProfileInput } from '../api/types';
import { useSession } from '../app/session';
import { idem, useCommand } from '../app/use-command';
import { peopleKeys } from './keys';

export type { Membership } from './me';

/** `GET /me`: the profile, with the organisations and the role in each. */
export const useMe = () => useQuery({ queryKey: peopleKeys.me(), queryFn: async () => (await unwrap(looseApi().GET('/me', {}))) as Me });

/** `PUT /me` once: the editable profile as a whole. */
export const saveProfile = async (body: ProfileInput, key: string = crypto.randomUUID()) => (await unwrap(looseApi().PUT('/me', { body, headers: idem(key) }))) as Me;

/** Registration saves the display name chosen and the language it was made in; the rest as the API made it. */
export const saveDisplayName = async (displayName: string, locale: Locale) => {
  const me = (await unwrap(looseApi().GET('/me', {}))) as Me;
  return saveProfile({ displayName, phone: me.phone ?? null, locale, emailPreferences: me.emailPreferences });
};

/** 保存 the profile; the header's name follows. */
export const useSaveProfile = () => {
  const { refresh } = useSession();
  return useCommand('saveProfile', (body: ProfileInput, key) => saveProfile(body, key), {
    invalidate: [peopleKeys.me()],
    onSuccess: () => void refresh(),
  });
};
