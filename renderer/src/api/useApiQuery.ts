import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { errorMessage } from './client';
import { useApiClient } from './ApiProvider';
import { queryKey } from './queryKeys';

export type ApiQuery<M extends MethodName> = UseQueryResult<MethodOutput<M>>;

/**
 * Reads server data through the query cache, keyed by method and input: screens that read the
 * same thing share one read, and server events (api/serverEvents.ts) make it stale.
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: {
    enabled?: boolean;
    /** Keep showing the last answer while a new input is read (a search as it is typed). */ keepPrevious?: boolean;
  } = {},
): ApiQuery<M> {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKey(method, input),
    queryFn: () => client.call(method, input),
    enabled: options.enabled,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/** The first failure among some queries, in plain words; null when none failed. */
export function failureOf(...queries: { error: unknown }[]): string | null {
  const failed = queries.find((query) => query.error);
  return failed ? errorMessage(failed.error) : null;
}
