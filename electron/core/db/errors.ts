import Database from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '@shared/api/errors';

export const damagedMessage =
  'The case book file is damaged and cannot be opened. Restore it from the latest backup in Settings, or contact support. Nothing has been changed.';

export const diskFullMessage =
  'The disk is full, so that change was not saved. Free some space and try again. Everything saved before is safe.';

/**
 * SQLite's errors about the file itself, in plain words: a damaged case book, or a full disk.
 * Undefined for anything else (a bug: the router's "internal"). SQLITE_NOTADB counts as damage
 * here because by the time a query runs the key has been proved: a wrong passphrase is told apart
 * when the case book is opened (see keyFitsDamagedFile in database.ts).
 */
export function sqliteApiError(error: unknown): ApiError | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  const { code } = error;
  if (
    code.startsWith('SQLITE_CORRUPT') ||
    code === 'SQLITE_NOTADB' ||
    /database disk image is malformed/i.test(error.message)
  ) {
    return new ApiError('damaged', damagedMessage);
  }
  if (code.startsWith('SQLITE_FULL')) return new ApiError('unavailable', diskFullMessage);
  return undefined;
}
