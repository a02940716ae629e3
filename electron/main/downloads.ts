import type { DownloadItem, Event, Session } from 'electron';
import { makeOwnerOnly } from '@core/platform/exporter';

/**
 * Files the page offers as downloads in the desktop app (a transfer file, a subject access
 * export, a deck) are made readable by their owner only once saved, as the app's other exports
 * are: Chromium writes a finished download with the system's default permissions.
 */
export function keepDownloadsOwnerOnly(session: Pick<Session, 'on'>, logError: (message: string) => void): void {
  session.on('will-download', (_event: Event, item: DownloadItem) => {
    item.once('done', (_done: Event, state: string) => {
      if (state !== 'completed') return;
      makeOwnerOnly(item.getSavePath()).catch((error: unknown) =>
        logError(`A saved download could not be made owner-only: ${String(error)}`),
      );
    });
  });
}
