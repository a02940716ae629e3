import type { ApiResult } from './errors';
import type { EventName, ServerEvents } from './events';

/**
 * What a host offers the renderer: Electron's preload over IPC, or the loopback web host over
 * HTTP. The renderer's client is written against this alone.
 */
export interface Transport {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  subscribe<E extends EventName>(event: E, handler: (data: ServerEvents[E]) => void): () => void;
}

/** The name of the object the preload exposes on window. */
export const bridgeName = 'relationalReview';

/** The single IPC channel for calls, and the one the main process pushes events on. */
export const ipcChannels = { call: 'rr:call', event: 'rr:event' } as const;
