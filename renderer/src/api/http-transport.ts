import type { ApiErrorBody, ApiResult } from '@shared/api/errors';
import type { EventName, ServerEvents } from '@shared/api/events';
import type { Transport } from '@shared/api/transport';

const unavailable: ApiErrorBody = {
  code: 'unavailable',
  message: 'The app’s web host is not answering. Check that it is still running, then try again.',
};

/** The loopback web host's transport: POST /api/<method>, events over an SSE stream. */
export function createHttpTransport(token: string): Transport {
  const headers = { Authorization: `Bearer ${token}` };
  const handlers = new Map<EventName, Set<(data: unknown) => void>>();
  let stream: AbortController | null = null;

  async function call(method: string, input: unknown): Promise<ApiResult<unknown>> {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: unavailable };
    }
    const body = (await response.json().catch(() => null)) as unknown;
    if (response.ok) return { ok: true, value: body };
    return { ok: false, error: isErrorBody(body) ? body : unavailable };
  }

  function dispatch(name: string, data: string): void {
    const listeners = handlers.get(name as EventName);
    if (!listeners) return;
    const parsed = JSON.parse(data) as unknown;
    for (const listener of listeners) listener(parsed);
  }

  /** One stream for all subscribers; it reconnects after a pause if the host restarts. */
  async function listen(controller: AbortController): Promise<void> {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch('/api/events', { headers, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error('no stream');
        await readEvents(response.body, dispatch);
      } catch {
        // The host stopped or restarted: try again shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  return {
    call,
    subscribe<E extends EventName>(event: E, handler: (data: ServerEvents[E]) => void) {
      const listeners = handlers.get(event) ?? new Set();
      listeners.add(handler as (data: unknown) => void);
      handlers.set(event, listeners);
      if (!stream) {
        stream = new AbortController();
        void listen(stream);
      }
      return () => {
        listeners.delete(handler as (data: unknown) => void);
        if ([...handlers.values()].every((set) => set.size === 0)) {
          stream?.abort();
          stream = null;
        }
      };
    },
  };
}

async function readEvents(body: ReadableStream<Uint8Array>, dispatch: (name: string, data: string) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (name && data) dispatch(name, data);
    }
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && 'code' in body && 'message' in body;
}
