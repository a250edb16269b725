import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { setApiOrganisation } from '../api/client';
import type { Me } from '../api/types';
import { loadMe, membershipsOf, type Membership } from '../people/me';
import { currentSession, signIn as authSignIn, signOut as authSignOut, type Role, type TokenSession } from './auth';
import { onUnauthorized } from './query-client';

/** Why the user is no longer signed in when it was not their own 退出登录: the sign-in page says so. */
export type SessionEnd = 'expired';

/**
 * Who is signed in and what they may open: operator from the token's group; provider from the person's
 * memberships (GET /me, read again on every start and after a change), never from the token; every other
 * account is a buyer. `organisation` is the one the provider pages act for (the header's switch).
 */
export interface Session extends TokenSession {
  displayName?: string;
  organisations: Membership[];
  organisation?: Membership;
}

interface SessionState {
  session: Session | undefined;
  ready: boolean;
  /** Set when the session ended on its own (tokens expired or refused), until the next sign-in. */
  ended: SessionEnd | undefined;
  signIn: (email: string, password: string) => Promise<Session | undefined>;
  signOut: () => Promise<void>;
  /** Reads GET /me again (a new membership, a new display name): the navigation follows. */
  refresh: () => Promise<Session | undefined>;
  /** Acts for another of the person's organisations; remembered in this browser. */
  switchOrganisation: (providerId: string) => void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

// Remembers that this browser was signed in: no session at start then means it expired, not "never signed in".
const MARK = 'console.signedIn';
const orgKey = (userId: string) => `console.organisation.${userId}`;

/** The token's groups for buyer and operator; provider means at least one membership (from GET /me). */
export const rolesOf = (token: TokenSession, me: Me | undefined): Role[] => {
  const operator = token.roles.includes('operator');
  // being a provider is being a member of an organisation: the token's `providers` group grants nothing
  const provider = (me?.organisations.length ?? 0) > 0;
  // every account is a buyer; an operator's account buys only when the pool also puts it among the buyers
  const buyer = token.roles.includes('buyer') || !operator;
  return [...(provider ? (['provider'] as const) : []), ...(buyer ? (['buyer'] as const) : []), ...(operator ? (['operator'] as const) : [])];
};

const withPerson = async (token: TokenSession | undefined): Promise<Session | undefined> => {
  if (!token) return undefined;
  const me = await loadMe().catch(() => undefined);
  const organisations = me ? membershipsOf(me) : [];
  const remembered = localStorage.getItem(orgKey(token.userId));
  const organisation = organisations.find((o) => o.providerId === remembered) ?? organisations[0];
  // the API needs the header only to pick one of several (with one it acts for that one)
  setApiOrganisation(organisations.length > 1 ? organisation?.providerId : undefined);
  return {
    ...token,
    roles: rolesOf(token, me),
    email: me?.email || token.email,
    displayName: me?.displayName || undefined,
    organisations,
    organisation,
  };
};

/** Signing out forgets the tokens, the cache and the organisation acted for. */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [session, setSession] = useState<Session>();
  const [ready, setReady] = useState(false);
  const [ended, setEnded] = useState<SessionEnd>();
  const qc = useQueryClient();
  const current = useRef<Session>(undefined);
  current.current = session;
  useEffect(() => {
    currentSession()
      .then(withPerson)
      .then((s) => {
        setSession(s);
        if (!s && localStorage.getItem(MARK)) {
          localStorage.removeItem(MARK);
          setEnded('expired');
        }
      })
      .finally(() => setReady(true));
  }, []);
  // The API refused the token (401): the session is over; the sign-in page says why and returns here.
  useEffect(
    () =>
      onUnauthorized(() => {
        localStorage.removeItem(MARK);
        setEnded('expired');
        setSession(undefined);
        setApiOrganisation(undefined);
        void authSignOut().catch(() => undefined);
        qc.clear();
      }),
    [qc],
  );
  const signIn = useCallback(
    async (email: string, password: string) => {
      qc.clear();
      setApiOrganisation(undefined);
      const s = await withPerson(await authSignIn(email, password));
      setSession(s);
      setEnded(undefined);
      if (s) localStorage.setItem(MARK, '1');
      return s;
    },
    [qc],
  );
  const signOut = useCallback(async () => {
    await authSignOut();
    localStorage.removeItem(MARK);
    setApiOrganisation(undefined);
    qc.clear();
    setEnded(undefined);
    setSession(undefined);
  }, [qc]);
  const refresh = useCallback(async () => {
    const s = await withPerson(await currentSession());
    setSession(s);
    return s;
  }, []);
  const switchOrganisation = useCallback(
    (providerId: string) => {
      const s = current.current;
      const organisation = s?.organisations.find((o) => o.providerId === providerId);
      if (!s || !organisation) return;
      localStorage.setItem(orgKey(s.userId), providerId);
      setApiOrganisation(providerId);
      setSession({ ...s, organisation });
      // what is cached was read for the other organisation
      void qc.resetQueries();
    },
    [qc],
  );
  return (
    <SessionContext.Provider value={{ session, ready, ended, signIn, signOut, refresh, switchOrganisation }}>{children}</SessionContext.Provider>
  );
};

export const useSession = () => {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
};
