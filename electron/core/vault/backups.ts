import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '@shared/api/errors';
import type { BackupPreview, BackupSummary } from '@shared/domain/vault';
import {
  createOwnerOnly,
  currentKeyScheme,
  keySchemeOf,
  openEncrypted,
  ownerOnlyModes,
  rekeyConnection,
  type CaseBookDatabase,
} from '@core/db/database';

const dayMs = 24 * 60 * 60_000;
const namePattern = /^casebook-(\d{8}T\d{9}Z)\.sqlite$/;
/** Work in progress: a backup being written or re-keyed; never listed, and removed if anything fails. */
const partialPattern = /^casebook-\d{8}T\d{9}Z\.sqlite\.(?:rekey\.)?partial(?:-journal)?$/;

export const backupFolder = (dataDir: string) => path.join(dataDir, 'backups');

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function timeOf(fileName: string): string {
  const raw = namePattern.exec(fileName)![1]!;
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}T${raw.slice(9, 11)}:${raw.slice(11, 13)}:${raw.slice(13, 15)}.${raw.slice(15, 18)}Z`;
}

export function listBackups(dataDir: string): BackupSummary[] {
  const folder = backupFolder(dataDir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => namePattern.test(name))
    .sort()
    .reverse()
    .map((fileName) => ({
      fileName,
      createdAt: timeOf(fileName),
      sizeBytes: statSync(path.join(folder, fileName)).size,
    }));
}

/** Removes what a backup or a re-keying left half done (an older version could leave a .partial behind). */
export function removeUnfinishedBackups(dataDir: string): void {
  const folder = backupFolder(dataDir);
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder))
    if (partialPattern.test(name)) rmSync(path.join(folder, name), { force: true });
}

const removeWithJournal = (file: string) => {
  for (const suffix of ['', '-journal']) rmSync(`${file}${suffix}`, { force: true });
};

const wrongPassphrase = () =>
  new ApiError(
    'unauthorised',
    'That passphrase does not open this backup. A backup opens with the passphrase the case book had when it was made.',
  );

/** Opens a backup with a passphrase (read-only unless asked); the caller closes it. */
function openBackup(file: string, passphrase: string, options: { readonly?: boolean } = {}): Database.Database {
  const opened = openEncrypted(file, passphrase, { readonly: options.readonly ?? true });
  if (opened.outcome === 'damaged')
    throw new ApiError('damaged', 'This backup is damaged and cannot be opened. Choose another one.');
  if (opened.outcome !== 'opened') throw wrongPassphrase();
  return opened.connection;
}

/** Opens a finished file under a passphrase and checks every page, then closes it. */
function checkOpens(file: string, passphrase: string): void {
  const check = openBackup(file, passphrase);
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok')
      throw new ApiError(
        'damaged',
        'The backup just made did not pass its check, so it was not kept. Your case book is unchanged.',
      );
  } finally {
    check.close();
  }
}

/**
 * Makes an encrypted backup: VACUUM INTO writes a copy under the same key (the SQLite backup
 * API cannot write to an encrypted target in this build), which is opened and integrity-checked
 * before it takes its name. Then only the newest `keep` are kept. Whatever fails, the half-made
 * copy is removed.
 */
export function makeBackup(
  db: CaseBookDatabase,
  dataDir: string,
  passphrase: string,
  keep: number,
  now = new Date(),
): BackupSummary {
  const folder = backupFolder(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  let fileName = `casebook-${stamp(now)}.sqlite`;
  // Two backups in the same millisecond: the second waits its turn rather than replace the first.
  while (existsSync(path.join(folder, fileName)))
    fileName = `casebook-${stamp(new Date(new Date(timeOf(fileName)).getTime() + 1))}.sqlite`;
  const final = path.join(folder, fileName);
  const partial = `${final}.partial`;
  rmSync(partial, { force: true });
  try {
    // VACUUM INTO fills an empty file: made first, its owner's only.
    createOwnerOnly(partial);
    db.connection.prepare('VACUUM INTO ?').run(partial);
    checkOpens(partial, passphrase);
    renameSync(partial, final);
  } catch (error) {
    removeWithJournal(partial);
    throw error;
  }
  for (const old of listBackups(dataDir).slice(keep)) rmSync(path.join(folder, old.fileName), { force: true });
  return listBackups(dataDir).find((backup) => backup.fileName === fileName)!;
}

/** A backup made under an older key scheme (it is re-keyed on the next unlock). */
export function hasOlderKeyScheme(dataDir: string, fileName: string): boolean {
  return keySchemeOf(path.join(backupFolder(dataDir), fileName)) !== currentKeyScheme;
}

export type RekeyOutcome = 'rekeyed' | 'other passphrase' | 'failed';

/**
 * Re-encrypts a backup under a passphrase and the current key scheme, if it opens with `from`.
 * The work is done on a copy, checked to open under `to` and pass integrity_check, and only then
 * put in the backup's place: the backup is at every moment either as it was or fully re-keyed.
 */
export function rekeyBackup(dataDir: string, fileName: string, from: string, to: string): RekeyOutcome {
  const file = path.join(backupFolder(dataDir), fileName);
  const work = `${file}.rekey.partial`;
  try {
    removeWithJournal(work);
    copyFileSync(file, work);
    if (ownerOnlyModes) chmodSync(work, 0o600);
    const opened = openEncrypted(work, from, { tellDamage: false });
    if (opened.outcome !== 'opened') {
      removeWithJournal(work);
      return 'other passphrase';
    }
    try {
      rekeyConnection(opened.connection, to);
    } finally {
      opened.connection.close();
    }
    checkOpens(work, to);
    renameSync(work, file);
    return 'rekeyed';
  } catch {
    removeWithJournal(work);
    return 'failed';
  }
}

/** A backup is due when none has been made in the last day. */
export function backupDue(dataDir: string, now = new Date()): boolean {
  const latest = listBackups(dataDir)[0];
  return !latest || now.getTime() - new Date(latest.createdAt).getTime() >= dayMs;
}

function requireBackup(dataDir: string, fileName: string): string {
  if (!namePattern.test(fileName)) throw new ApiError('invalid_input', 'Choose one of the backups listed.');
  const file = path.join(backupFolder(dataDir), fileName);
  if (!existsSync(file)) throw new ApiError('not_found', 'That backup is no longer there.');
  return file;
}

/** Removes backups by name: only backups listed in the backups folder can be named. */
export function removeBackups(dataDir: string, fileNames: readonly string[]): void {
  const files = fileNames.map((fileName) => requireBackup(dataDir, fileName));
  for (const file of files) rmSync(file, { force: true });
}

/** What a backup holds, so the right one can be chosen before restoring it. */
export function previewBackup(dataDir: string, fileName: string, passphrase: string): BackupPreview {
  const db = openBackup(requireBackup(dataDir, fileName), passphrase);
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const latest = db.prepare('SELECT title, scheduled_for FROM reviews ORDER BY scheduled_for DESC LIMIT 1').get() as
      { title: string; scheduled_for: string } | undefined;
    return {
      fileName,
      createdAt: timeOf(fileName),
      counts: {
        organisations: count('organisations'),
        homes: count('homes'),
        placements: count('placements'),
        reviews: count('reviews'),
        notes: count('notes'),
        minutes: count('minutes'),
      },
      latestReview: latest ? { title: latest.title, scheduledFor: latest.scheduled_for } : null,
    };
  } finally {
    db.close();
  }
}

/** Puts a backup in the case book's place (the caller has closed the case book and kept a copy). */
export function putBackupInPlace(dataDir: string, fileName: string, caseBookFile: string): void {
  const source = requireBackup(dataDir, fileName);
  const incoming = `${caseBookFile}.incoming`;
  copyFileSync(source, incoming);
  if (ownerOnlyModes) chmodSync(incoming, 0o600);
  for (const suffix of ['-wal', '-shm']) rmSync(`${caseBookFile}${suffix}`, { force: true });
  renameSync(incoming, caseBookFile);
}
