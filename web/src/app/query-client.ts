import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api/client';

/** One query cache: lists refresh after an action by invalidating their keys. */
export const queryClient = new QueryClient({
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
