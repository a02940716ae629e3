import { z } from 'zod';

/**
 * The transfer file: the whole case book as one JSON file, to move it to another computer (not
 * to be confused with the vault's encrypted backups on this computer). Its format name predates
 * the word and stays, so that files already saved can still be brought in.
 */
export const transferFormat = 'relational-review-backup';
export const transferFormatVersion = 1;

export interface TransferFile {
  format: typeof transferFormat;
  formatVersion: number;
  exportedAt: string;
  appVersion: string;
  schemaVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}

export const transferImportSchema = z.strictObject({
  /** The backup file's text, exactly as read from disk. */
  content: z.string({ message: 'Choose a backup file to restore.' }).min(1, 'The chosen file is empty.'),
});

export interface TransferSummary {
  counts: Record<string, number>;
}
