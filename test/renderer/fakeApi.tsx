import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { EventName, ServerEvents } from '@shared/api/events';
import type { Transport } from '@shared/api/transport';
import { ApiProvider, createQueryClient } from '@renderer/api/ApiProvider';
import { createApiClient } from '@renderer/api/client';

/** What the fake core answers for each method it knows; throwing an ApiError answers a failure. */
export type FakeHandlers = {
  [M in MethodName]?: (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/**
 * A transport that answers from `handlers` instead of a core, records every call, and sends
 * server events when a test says so.
 */
export function fakeTransport(handlers: FakeHandlers) {
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  const transport: Transport = {
    async call(method, input) {
      calls.push({ method, input });
      const handler = handlers[method as MethodName] as ((input: unknown) => unknown) | undefined;
      if (!handler)
        return { ok: false, error: { code: 'unknown_method', message: `The fake core does not know ${method}.` } };
      try {
        return { ok: true, value: await handler(input) };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: error.toBody() };
        throw error;
      }
    },
    subscribe(event, handler) {
      const set = listeners.get(event) ?? new Set();
      set.add(handler as (data: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(handler as (data: unknown) => void);
    },
  };
  return {
    transport,
    /** The inputs of every call to one method, in order. */
    callsTo: (method: MethodName) => calls.filter((call) => call.method === method).map((call) => call.input),
    emit<E extends EventName>(event: E, data: ServerEvents[E]) {
      listeners.get(event)?.forEach((listener) => listener(data));
    },
  };
}

export type FakeCore = ReturnType<typeof fakeTransport>;

/** Draws `ui` as the app draws its screens: with the API client and a query cache of its own. */
export function renderWithApi(ui: ReactNode, handlers: FakeHandlers): RenderResult & { core: FakeCore } {
  const core = fakeTransport(handlers);
  const result = render(
    <ApiProvider client={createApiClient(core.transport)} queryClient={createQueryClient()}>
      {ui}
    </ApiProvider>,
  );
  return { ...result, core };
}

/** A promise the test settles when it chooses: to see what the screen shows while a call runs. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
