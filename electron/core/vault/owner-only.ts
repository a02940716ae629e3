import { chmodSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ownerOnlyModes } from '@core/db/database';
import { backupFolder } from './backups';

/** Sets a mode on a folder or a regular file; links and anything else are left alone. */
function tighten(entry: string, folderMode: number, fileMode: number): void {
  const stats = lstatSync(entry);
  if (stats.isDirectory()) {
    if ((stats.mode & 0o777) !== folderMode) chmodSync(entry, folderMode);
  } else if (stats.isFile() && (stats.mode & 0o777) !== fileMode) {
    chmodSync(entry, fileMode);
  }
}

/**
 * The data folder readable by its owner only (0700), and every file the app keeps there, the
 * case book, its -wal and -shm, settings, the backups folder and each backup, too (0600), on
 * Linux and macOS. Files made from now on are made so; this tightens those an older version
 * made. Other folders in it (the desktop app's browser profile) sit behind the data folder's 0700.
 */
export function tightenDataFolder(dataDir: string): void {
  if (!ownerOnlyModes || !existsSync(dataDir)) return;
  tighten(dataDir, 0o700, 0o600);
  for (const name of readdirSync(dataDir)) {
    const entry = path.join(dataDir, name);
    if (lstatSync(entry).isFile()) tighten(entry, 0o700, 0o600);
  }
  const backups = backupFolder(dataDir);
  if (!existsSync(backups) || !lstatSync(backups).isDirectory()) return;
  tighten(backups, 0o700, 0o600);
  for (const name of readdirSync(backups)) tighten(path.join(backups, name), 0o700, 0o600);
}
