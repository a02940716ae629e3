import { errorMessage } from '@renderer/api/client';

/** How often a note being typed is saved, at most: what a crash can lose is about this, and no more. */
export const saveEveryMs = 250;

export type SaveState = { state: 'saved' | 'saving' } | { state: 'failed'; message: string };

/** What a typed note says of its saving, the same words wherever notes are typed. */
export function saveStateWords(saveState: SaveState): string {
  if (saveState.state === 'saving') return 'Saving…';
  if (saveState.state === 'failed') return `Not saved yet: ${saveState.message} Trying again.`;
  return 'Saved';
}

/**
 * Saves one thing as it is typed (a review's note, a visit's note), without being asked: at once,
 * then at most every quarter of a second while typing goes on, so a crash or power cut loses at
 * most the last half second. A save that fails is tried again, and nothing typed meanwhile is
 * dropped. `send` makes the call (to the core directly: the screen typing already shows what is
 * typed, and reading everything again on each keystroke would only slow the typing).
 */
export class TypedSaver<T> {
  private pending: T | null = null;
  private inFlight = false;
  private lastSent = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Whether any save has reached the core. */
  savedOnce = false;

  constructor(
    private readonly send: (value: T) => Promise<unknown>,
    private readonly report: (state: SaveState) => void,
  ) {}

  save(value: T): void {
    this.pending = value;
    this.report({ state: 'saving' });
    this.schedule(0);
  }

  /** Sends whatever is waiting now (when the editor goes away). */
  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.flush();
  }

  /** Answers once nothing is waiting to be sent or on its way (or after a few seconds of failing saves). */
  async settled(): Promise<void> {
    const giveUpAt = Date.now() + 3000;
    while ((this.pending !== null || this.inFlight || this.timer) && Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private schedule(extraWait: number): void {
    if (this.timer || this.inFlight) return;
    const wait = Math.max(extraWait, saveEveryMs - (Date.now() - this.lastSent));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const next = this.pending;
    if (next === null || this.inFlight) return;
    this.pending = null;
    this.inFlight = true;
    this.lastSent = Date.now();
    let retryAfter = 0;
    try {
      await this.send(next);
      this.savedOnce = true;
      if (this.pending === null) this.report({ state: 'saved' });
    } catch (error) {
      this.pending ??= next;
      retryAfter = 2000;
      this.report({ state: 'failed', message: errorMessage(error) });
    } finally {
      this.inFlight = false;
      if (this.pending !== null) this.schedule(retryAfter);
    }
  }
}
