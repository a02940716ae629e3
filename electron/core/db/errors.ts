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
 * when the case book is opened (see keyFitsDamagedFile).
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

export interface KeyProbe {
  file: string;
  /** The key as an SQL string literal (PRAGMA takes no parameters). */
  keyStatement: string;
  nativeBinding?: string;
}

/**
 * Whether a passphrase that got SQLITE_NOTADB is in fact the right one for a damaged file. Each
 * page is encrypted and authenticated on its own, so a wrong passphrase and a damaged first page
 * fail alike. Read again without the authentication check, on a read-only connection: under the
 * right key the first page's header fields decrypt to sensible values (the damage lies elsewhere
 * in the page); under a wrong key they are random, and all three fall in range about once in 2^31.
 * A file whose salt or nonce is damaged cannot be told from a wrong passphrase this way.
 */
export function keyFitsDamagedFile({ file, keyStatement, nativeBinding }: KeyProbe): boolean {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    // A cipher setting: it must come before the key, and it holds for this connection only.
    probe.pragma('hmac_check = 0');
    probe.pragma(keyStatement);
    const header = (name: string) => probe!.pragma(name, { simple: true }) as number;
    const inRange = (value: number, low: number, high: number) =>
      Number.isInteger(value) && value >= low && value <= high;
    return (
      inRange(header('user_version'), 1, 1_000_000) &&
      inRange(header('schema_version'), 1, 2 ** 24) &&
      inRange(header('freelist_count'), 0, 2 ** 24)
    );
  } catch {
    return false;
  } finally {
    probe?.close();
  }
}
