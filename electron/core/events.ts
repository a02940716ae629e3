import type { EventName, ServerEvent, ServerEvents } from '@shared/api/events';

type Listener = (event: ServerEvent) => void;

/** Fans core events out to every connected renderer (IPC windows, SSE streams). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, data: ServerEvents[E]): void {
    const event = { name, data } as ServerEvent;
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
