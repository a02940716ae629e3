import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { ApiClient } from './client';
import { invalidateOnServerEvents } from './serverEvents';

const ApiClientContext = createContext<ApiClient | null>(null);

/**
 * The query cache's rules. The core is on this computer: a failure is an answer, not a network
 * hiccup, so nothing is retried, and the browser's idea of being online is ignored (the app
 * works without a network). Server events, not window focus, say when to read again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, networkMode: 'always', refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/** The API client and the query cache for everything below, kept in step with the core's events. */
export function ApiProvider({
  client,
  queryClient,
  children,
}: {
  client: ApiClient;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  useEffect(() => invalidateOnServerEvents(client, queryClient), [client, queryClient]);
  return (
    <ApiClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiClientContext.Provider>
  );
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient is used outside ApiProvider.');
  return client;
}
