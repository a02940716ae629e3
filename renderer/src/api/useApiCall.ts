import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { useApiClient } from './ApiProvider';
import { changesCaseBook } from './queryKeys';

export type ApiCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/**
 * The one way a screen changes the case book. After a call that writes, every query on screen
 * is read again before the call answers, so a success message never sits beside stale data.
 * (Not every write announces itself with a server event: minutes and keys do not.)
 */
export function useApiCall(): ApiCall {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useCallback<ApiCall>(
    async (method, input) => {
      const output = await client.call(method, input);
      if (changesCaseBook(method)) await queryClient.invalidateQueries();
      return output;
    },
    [client, queryClient],
  );
}
