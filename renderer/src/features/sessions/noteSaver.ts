import type { SessionNote } from '@shared/domain/sessions';
import { errorMessage, type ApiClient } from '@renderer/api/client';

/** How often a note being typed is saved, at most: what a crash can lose is about this, and no more. */
export const saveEveryMs = 250;

export type SaveState = { state: 'saved' | 'saving' } | { state: 'failed'; message: string };

/**
 * Saves one note as it is typed, without being asked: at once, then at most every quarter of a
 * second while typing goes on, so a crash or power cut loses at most the last half second. A save
 * that fails is tried again, and nothing typed meanwhile is dropped. It calls the core directly,
 * not through useApiCall: the screen typing the note already shows it, and reading everything
 * again on every keystroke would only slow the typing.
 */
export class NoteSaver {
  private pending: SessionNote | null = null;
  private lastSaved: SessionNote | null = null;
  private inFlight = false;
  private lastSent = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly reviewId: string,
    private readonly report: (state: SaveState) => void,
    private readonly saved: (note: SessionNote, before: SessionNote | null) => void,
  ) {}

  save(note: SessionNote): void {
    this.pending = note;
    this.report({ state: 'saving' });
    this.schedule(0);
  }

  /** Sends whatever is waiting now (when the editor goes away). */
  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.flush();
  }

  private schedule(extraWait: number): void {
    if (this.timer || this.inFlight) return;
    const wait = Math.max(extraWait, saveEveryMs - (Date.now() - this.lastSent));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const next = this.pending;
    if (!next || this.inFlight) return;
    this.pending = null;
    this.inFlight = true;
    this.lastSent = Date.now();
    let retryAfter = 0;
    try {
      const { id, stage, cardId, side, kind, text, source, commissionerView, providerView } = next;
      await this.api.call('notes.save', {
        id,
        reviewId: this.reviewId,
        stage,
        cardId,
        side,
        kind,
        text,
        source,
        commissionerView,
        providerView,
      });
      if (!this.pending) this.report({ state: 'saved' });
      this.saved(next, this.lastSaved);
      this.lastSaved = next;
    } catch (error) {
      this.pending ??= next;
      retryAfter = 2000;
      this.report({ state: 'failed', message: errorMessage(error) });
    } finally {
      this.inFlight = false;
      if (this.pending) this.schedule(retryAfter);
    }
  }
}
