import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { currentSession, signIn as authSignIn, signOut as authSignOut, type Session } from './auth';

interface SessionState {
  session: Session | undefined;
  ready: boolean;
  signIn: (email: string, password: string) => Promise<Session | undefined>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Who is signed in (from the access token's `sub` and `cognito:groups`); signing out forgets the tokens and the cache. */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [session, setSession] = useState<Session>();
  const [ready, setReady] = useState(false);
  const qc = useQueryClient();
  useEffect(() => {
    currentSession()
      .then(setSession)
      .finally(() => setReady(true));
  }, []);
  const signIn = useCallback(async (email: string, password: string) => {
    qc.clear();
    const s = await authSignIn(email, password);
    setSession(s);
    return s;
  }, [qc]);
  const signOut = useCallback(async () => {
    await authSignOut();
    qc.clear();
    setSession(undefined);
  }, [qc]);
  return <SessionContext.Provider value={{ session, ready, signIn, signOut }}>{children}</SessionContext.Provider>;
};

export const useSession = () => {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
};
