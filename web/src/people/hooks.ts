import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { EMAIL_KINDS, isOneOf, type EmailKind, type Locale, type Me, type ProfileInput } from '../api/types';
import { useSession } from '../app/session';
import { idem, useCommand } from '../app/use-command';
import { peopleKeys } from './keys';

export type { Membership } from './me';

/** The answer's email preferences as the kinds `PUT /me` takes (a kind the console does not know is left out). */
export const emailKindsOf = (me: Me): EmailKind[] => me.emailPreferences.filter((k): k is EmailKind => isOneOf(EMAIL_KINDS, k));

/** `GET /me`: the profile, with the organisations and the role in each. */
export const useMe = () => useQuery({ queryKey: peopleKeys.me(), queryFn: () => unwrap(api().GET('/me')) });

/** `PUT /me` once: the editable profile as a whole. */
export const saveProfile = (body: ProfileInput, key: string = crypto.randomUUID()) => unwrap(api().PUT('/me', { body, headers: idem(key) }));

/** Registration saves the display name chosen and the language it was made in; the rest as the API made it. */
export const saveDisplayName = async (displayName: string, locale: Locale) => {
  const me = await unwrap(api().GET('/me'));
  return saveProfile({ displayName, phone: me.phone ?? null, locale, emailPreferences: emailKindsOf(me) });
};

/** 保存 the profile; the header's name follows. */
export const useSaveProfile = () => {
  const { refresh } = useSession();
  return useCommand('saveProfile', (body: ProfileInput, key) => saveProfile(body, key), {
    invalidate: [peopleKeys.me()],
    onSuccess: () => void refresh(),
  });
};
