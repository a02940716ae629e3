import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '@shared/api/errors';
import type { BackupPreview, BackupSummary } from '@shared/domain/vault';
import {
  createOwnerOnly,
  currentKeyScheme,
  expectedSchemaShape,
  keySchemeOf,
  openEncrypted,
  ownerOnlyModes,
  rekeyConnection,
  schemaShape,
  type CaseBookDatabase,
} from '@core/db/database';
import { sqliteApiError } from '@core/db/errors';
import { latestSchemaVersion } from '@core/db/migrations';

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

/** A copy of a backup being checked, beside the case book: removed once checked, or put in the case book's place. */
const checkingPattern = /^backup-check-[0-9a-f]{12}\.sqlite(?:-journal|-wal|-shm)?$/;

/**
 * Removes what a backup, a re-keying or a check left half done (an older version could leave a
 * .partial behind; a check cut off by a crash, its copy).
 */
export function removeUnfinishedBackups(dataDir: string): void {
  if (existsSync(dataDir))
    for (const name of readdirSync(dataDir))
      if (checkingPattern.test(name)) rmSync(path.join(dataDir, name), { force: true });
  const folder = backupFolder(dataDir);
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder))
    if (partialPattern.test(name)) rmSync(path.join(folder, name), { force: true });
}

const removeWithJournal = (file: string) => {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
};

const wrongPassphrase = () =>
  new ApiError(
    'unauthorised',
    'That passphrase does not open this backup. A backup opens with the passphrase the case book had when it was made.',
  );

/** Opens a backup with a passphrase (read-only unless asked); the caller closes it. */
function openBackup(file: string, passphrase: string, options: { readonly?: boolean } = {}): Database.Database {
  const opened = openEncrypted(file, passphrase, { readonly: options.readonly ?? true });
  if (opened.outcome === 'damaged' || opened.outcome === 'cut short')
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

export type RekeyOutcome = 'rekeyed' | 'other passphrase' | 'failed' | 'gone';

/**
 * Re-encrypts a backup under a passphrase and the current key scheme, if it opens with `from`.
 * The work is done on a copy, checked to open under `to` and pass integrity_check, and only then
 * put in the backup's place: the backup is at every moment either as it was or fully re-keyed.
 * A backup removed meanwhile (only the newest few are kept) is 'gone': nothing is left to re-key.
 */
export function rekeyBackup(dataDir: string, fileName: string, from: string, to: string): RekeyOutcome {
  const file = path.join(backupFolder(dataDir), fileName);
  if (!existsSync(file)) return 'gone';
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

/** Said when a backup is refused; each ends by saying nothing was changed, which is so. */
export const backupRefusals = {
  empty:
    'This backup file is empty: nothing was ever written to it, so there is nothing to restore. Choose another backup. Nothing has been changed.',
  cutShort:
    'This backup is incomplete: the file was cut short (a copy or a disk that stopped part way), so it cannot be restored. Choose another backup. Nothing has been changed.',
  notADatabase:
    'This file is not a backup of a case book: it is not a database at all. Choose another backup. Nothing has been changed.',
  unencrypted:
    'This file is not an encrypted backup. Relational Review’s backups are always encrypted, so this one was not made by the app, and it is not restored. Nothing has been changed.',
  damaged:
    'This backup is damaged: part of it no longer reads back as it was written, so it cannot be restored. Choose another backup. Nothing has been changed.',
  notACaseBook:
    'This backup opens, but it does not hold a case book: its tables are not the ones Relational Review keeps. It is not restored. Nothing has been changed.',
  newer: (format: number) =>
    `This backup was made by a newer version of Relational Review (its format is ${format}; this app knows up to ${latestSchemaVersion}). Install the latest version to restore it. Nothing has been changed.`,
};

const plainHeader = 'SQLite format 3\0';
/** Bytes 16 to 23 of a database's first page, which SQLite3 Multiple Ciphers leaves unencrypted. */
const headerLength = 24;

/**
 * Refuses, from its bytes alone and before any key is derived, a file that cannot be a backup:
 * empty, a plain SQLite file (backups are always encrypted), not a database (the header fields
 * an encrypted file keeps readable are not there: random bytes, or any other kind of file), or
 * shorter than its page size says (cut part way through a page).
 */
function refuseByItsBytes(file: string): void {
  const size = statSync(file).size;
  if (size === 0) throw new ApiError('damaged', backupRefusals.empty);
  const header = Buffer.alloc(headerLength);
  const handle = openSync(file, 'r');
  try {
    readSync(handle, header, 0, headerLength, 0);
  } finally {
    closeSync(handle);
  }
  if (size >= plainHeader.length && header.subarray(0, plainHeader.length).toString('latin1') === plainHeader)
    throw new ApiError('invalid_input', backupRefusals.unencrypted);
  if (size < headerLength) throw new ApiError('damaged', backupRefusals.cutShort);
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65_536 : raw;
  // A power of two from 512 to 65,536, then the payload fractions every SQLite file has: 64, 32, 32.
  const database =
    pageSize >= 512 && (pageSize & (pageSize - 1)) === 0 && header[21] === 64 && header[22] === 32 && header[23] === 32;
  if (!database) throw new ApiError('invalid_input', backupRefusals.notADatabase);
  if (size % pageSize !== 0) throw new ApiError('damaged', backupRefusals.cutShort);
}

/**
 * Opens a copy of a backup read-only and checks it before anything else may use it: its bytes
 * (above), the passphrase, every page (integrity_check, with each page's authentication tag),
 * its schema version (none newer than this app's), and that it holds a case book (the tables,
 * columns, indexes and triggers the migrations up to its version make). The caller closes it.
 */
function openChecked(file: string, passphrase: string): Database.Database {
  refuseByItsBytes(file);
  let opened: ReturnType<typeof openEncrypted>;
  try {
    opened = openEncrypted(file, passphrase, { readonly: true });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'damaged') throw new ApiError('damaged', backupRefusals.damaged);
    throw error;
  }
  if (opened.outcome === 'damaged') throw new ApiError('damaged', backupRefusals.damaged);
  if (opened.outcome === 'cut short') throw new ApiError('damaged', backupRefusals.cutShort);
  if (opened.outcome !== 'opened') throw wrongPassphrase();
  const db = opened.connection;
  try {
    let result: unknown;
    try {
      result = db.pragma('integrity_check', { simple: true });
    } catch (error) {
      if (sqliteApiError(error)?.code === 'damaged') throw new ApiError('damaged', backupRefusals.damaged);
      throw error;
    }
    if (result !== 'ok') throw new ApiError('damaged', backupRefusals.damaged);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestSchemaVersion) throw new ApiError('schema_too_new', backupRefusals.newer(version));
    if (version < 1 || !sameLines(schemaShape(db), expectedSchemaShape(version)))
      throw new ApiError('invalid_input', backupRefusals.notACaseBook);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const sameLines = (found: readonly string[], expected: readonly string[]) =>
  found.length === expected.length && found.every((line, index) => line === expected[index]);

/**
 * A copy of a backup, made beside the case book (owner-only), where it is checked: opening a
 * file can write to it (a journal rolled back), and the copy checked is then the very file put
 * in place, not the backup as it may be a moment later.
 */
function copyToCheck(dataDir: string, fileName: string): string {
  const source = requireBackup(dataDir, fileName);
  const copy = path.join(dataDir, `backup-check-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    copyFileSync(source, copy, constants.COPYFILE_EXCL);
    if (ownerOnlyModes) chmodSync(copy, 0o600);
  } catch (error) {
    removeWithJournal(copy);
    throw error;
  }
  return copy;
}

function previewOf(db: Database.Database, fileName: string): BackupPreview {
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
}

/** A backup copied beside the case book and checked, ready to be put in its place (or discarded). */
export interface StagedBackup {
  file: string;
  preview: BackupPreview;
}

/**
 * Copies a backup beside the case book and checks the copy (openChecked). A backup that fails a
 * check is refused with its reason and its copy removed: the case book, the backups folder and
 * the data folder are as they were. The caller puts a staged backup in place or discards it.
 */
export function stageBackup(dataDir: string, fileName: string, passphrase: string): StagedBackup {
  const file = copyToCheck(dataDir, fileName);
  try {
    const db = openChecked(file, passphrase);
    try {
      return { file, preview: previewOf(db, fileName) };
    } finally {
      db.close();
    }
  } catch (error) {
    removeWithJournal(file);
    throw error;
  } finally {
    // A read-only connection leaves nothing beside the copy, but a WAL-mode file could.
    for (const suffix of ['-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

/** Removes a staged backup that was not put in place (nothing, if it was). */
export function discardStaged(staged: StagedBackup): void {
  removeWithJournal(staged.file);
}

/** What a backup holds, so the right one can be chosen before restoring it: checked as a restore checks it. */
export function previewBackup(dataDir: string, fileName: string, passphrase: string): BackupPreview {
  const staged = stageBackup(dataDir, fileName, passphrase);
  discardStaged(staged);
  return staged.preview;
}

/** Puts a checked backup in the case book's place (the caller has closed the case book and kept a copy). */
export function putStagedInPlace(staged: StagedBackup, caseBookFile: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${caseBookFile}${suffix}`, { force: true });
  renameSync(staged.file, caseBookFile);
}
