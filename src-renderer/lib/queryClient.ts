import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifyError } from './notifyError';

/** Every failed call ends in a notification with its message and hint; screens add inline detail where it helps. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!query.meta?.silent) notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (!mutation.meta?.inlineErrors) notifyError(error);
      },
    }),
    defaultOptions: {
      // A failing database is reported once, not retried behind the operator's back.
      queries: { retry: false, refetchOnWindowFocus: true, staleTime: 2_000 },
    },
  });
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { silent?: boolean };
    mutationMeta: { inlineErrors?: boolean };
  }
}
