import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { ApiErrorBody } from '@shared/api/errors';
import type { EventName, ServerEvents } from '@shared/api/events';
import type { Transport } from '@shared/api/transport';

/** A failed call, carrying the core's plain-words message and any field messages. */
export class ApiCallError extends Error {
  readonly body: ApiErrorBody;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.body = body;
  }
}

/** The renderer's typed view of a transport: calls that answer or throw an ApiCallError, and server events. */
export function createApiClient(transport: Transport) {
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const result = await transport.call(method, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as MethodOutput<M>;
    },
    subscribe<E extends EventName>(event: E, handler: (data: ServerEvents[E]) => void): () => void {
      return transport.subscribe(event, handler);
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return 'Something went wrong. Please try again.';
}
