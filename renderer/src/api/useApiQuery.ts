import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { EventName } from '@shared/api/events';
import { api, errorMessage } from './client';

export type QueryState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: string };

/**
 * Reads server data through the API and reads it again whenever one of `refreshOn` fires,
 * so every window stays in step with the case book.
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  refreshOn: readonly EventName[] = [],
): QueryState<MethodOutput<M>> & { reload: () => void } {
  const [state, setState] = useState<QueryState<MethodOutput<M>>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const inputKey = JSON.stringify(input);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let current = true;
    api
      .call(method, JSON.parse(inputKey) as MethodInput<M>)
      .then((data) => current && setState({ status: 'ready', data }))
      .catch((error: unknown) => current && setState({ status: 'error', error: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, [method, inputKey, version]);

  const eventsKey = refreshOn.join(',');
  useEffect(() => {
    if (!eventsKey) return;
    const unsubscribes = eventsKey.split(',').map((event) => api.subscribe(event as EventName, reload));
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [eventsKey, reload]);

  return { ...state, reload };
}
