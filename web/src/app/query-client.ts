import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api/client';

const unauthorized = new Set<() => void>();

/** Listens for the API refusing the session's token (401 on any query or command); answers the unsubscribe. */
export const onUnauthorized = (listener: () => void) => {
  unauthorized.add(listener);
  return () => void unauthorized.delete(listener);
};

const watch = (err: unknown) => {
  if (err instanceof ApiProblem && err.status === 401) for (const l of unauthorized) l();
};

/** One query cache: lists refresh after an action by invalidating their keys. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: watch }),
  mutationCache: new MutationCache({ onError: watch }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // A client error will not change on a retry; a network error or a 503 may.
      retry: (count, err) => count < 2 && (!(err instanceof ApiProblem) || err.status === 0 || err.status >= 500),
    },
    mutations: { retry: false },
  },
});
