import { z } from 'zod';
import { childReference } from './placements';

/** A file the core made for the user to save: the renderer offers it as a download. */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: string;
}

export const backupFormat = 'relational-review-backup';
export const backupFormatVersion = 1;

export interface BackupFile {
  format: typeof backupFormat;
  formatVersion: number;
  exportedAt: string;
  appVersion: string;
  schemaVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}

export const backupRestoreSchema = z.strictObject({
  /** The backup file's text, exactly as read from disk. */
  content: z.string({ message: 'Choose a backup file to restore.' }).min(1, 'The chosen file is empty.'),
});

export interface RestoreSummary {
  counts: Record<string, number>;
}

export const subjectAccessSchema = z.strictObject({ childReference });
