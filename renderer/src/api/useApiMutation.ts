import { useMutation, useMutationState, type MutationState } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { errorMessage } from './client';
import { useApiCall } from './useApiCall';

/** What to tell the user about one call: while it runs (for anything that takes a while) and once it is done. */
export interface Messages<M extends MethodName> {
  pending?: string;
  success?: string | ((output: MethodOutput<M>) => string);
}

interface Request {
  method: MethodName;
  input: unknown;
  messages: Messages<MethodName>;
}

/** The words for a mutation's latest state: its progress or success message, or the core's reason it failed. */
function messagesOf(
  state: Pick<MutationState<unknown, Error, Request>, 'status' | 'data' | 'error' | 'variables'> | undefined,
) {
  const messages = state?.variables?.messages;
  const success = messages?.success;
  return {
    failure: state?.status === 'error' ? errorMessage(state.error) : null,
    status:
      state?.status === 'pending'
        ? (messages?.pending ?? null)
        : state?.status === 'success' && success
          ? typeof success === 'string'
            ? success
            : success(state.data as never)
          : null,
  };
}

/**
 * A button's call to the core, with what the user sees: `busy` while it runs, `failure` in the
 * core's words, `status` for progress and success. `run` answers the output, or undefined when
 * the call failed (the failure is already on screen). Calls made in one `scope` share their
 * messages, for a screen that shows them in one place (see useScopeMessages).
 */
export function useApiMutation(options: { scope?: readonly unknown[] } = {}) {
  const call = useApiCall();
  const mutation = useMutation<unknown, Error, Request>({
    mutationKey: options.scope,
    mutationFn: (request) => call(request.method, request.input as MethodInput<MethodName>),
  });
  const { mutateAsync, reset } = mutation;

  const run = useCallback(
    async <M extends MethodName>(
      method: M,
      input: MethodInput<M>,
      messages: Messages<M> = {},
    ): Promise<MethodOutput<M> | undefined> => {
      try {
        return (await mutateAsync({ method, input, messages: messages as Messages<MethodName> })) as MethodOutput<M>;
      } catch {
        return undefined;
      }
    },
    [mutateAsync],
  );

  return { run, reset, busy: mutation.isPending, ...messagesOf(mutation) };
}

/** The messages of the latest call made in a scope, from whichever component made it. */
export function useScopeMessages(scope: readonly unknown[]) {
  const states = useMutationState<MutationState<unknown, Error, Request>>({ filters: { mutationKey: scope } });
  return messagesOf(states.at(-1));
}
