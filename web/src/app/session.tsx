import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { currentSession, signIn as authSignIn, signOut as authSignOut, type Session } from './auth';
import { onUnauthorized } from './query-client';

/** Why the user is no longer signed in when it was not their own 退出登录: the sign-in page says so. */
export type SessionEnd = 'expired';

interface SessionState {
  session: Session | undefined;
  ready: boolean;
  /** Set when the session ended on its own (tokens expired or refused), until the next sign-in. */
  ended: SessionEnd | undefined;
  signIn: (email: string, password: string) => Promise<Session | undefined>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

// Remembers that this browser was signed in: no session at start then means it expired, not "never signed in".
const MARK = 'console.signedIn';

/** Who is signed in (from the access token's `sub` and `cognito:groups`); signing out forgets the tokens and the cache. */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [session, setSession] = useState<Session>();
  const [ready, setReady] = useState(false);
  const [ended, setEnded] = useState<SessionEnd>();
  const qc = useQueryClient();
  useEffect(() => {
    currentSession()
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
        void authSignOut().catch(() => undefined);
        qc.clear();
      }),
    [qc],
  );
  const signIn = useCallback(
    async (email: string, password: string) => {
      qc.clear();
      const s = await authSignIn(email, password);
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
    qc.clear();
    setEnded(undefined);
    setSession(undefined);
  }, [qc]);
  return <SessionContext.Provider value={{ session, ready, ended, signIn, signOut }}>{children}</SessionContext.Provider>;
};

export const useSession = () => {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
};
