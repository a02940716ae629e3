import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { ApiErrorBody } from '@shared/api/errors';
import type { EventName, ServerEvents } from '@shared/api/events';
import { bridgeName, type Transport } from '@shared/api/transport';
import { createHttpTransport } from './http-transport';

/** A failed call, carrying the core's plain-words message and any field messages. */
export class ApiCallError extends Error {
  readonly body: ApiErrorBody;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.body = body;
  }
}

const tokenKey = 'relational-review.token';

/** Electron's preload bridge when present; otherwise the web host, with the token from the URL. */
function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, Transport | undefined>)[bridgeName];
  if (bridge) return bridge;
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem(tokenKey, fromUrl);
  return createHttpTransport(fromUrl ?? sessionStorage.getItem(tokenKey) ?? '');
}

const transport = pickTransport();

export const api = {
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await transport.call(method, input);
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value as MethodOutput<M>;
  },
  subscribe<E extends EventName>(event: E, handler: (data: ServerEvents[E]) => void): () => void {
    return transport.subscribe(event, handler);
  },
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return 'Something went wrong. Please try again.';
}
