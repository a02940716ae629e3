import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '@shared/domain/vault';
import { createCore, type Core } from '@core/core';
import {
  argon2idScheme,
  keyPragma,
  keySchemeOf,
  openCaseBook,
  pbkdf2Scheme,
  type CaseBookDatabase,
} from '@core/db/database';
import { sql } from '@core/db/sql';
import { callOk, tempDir, testCore, testPassphrase } from './helpers';

const lockedCore = (dataDir: string) =>
  createCore({ dataDir, appVersion: 'test', automaticBackups: false, logger: { error: () => {} } });

/** A case book as the app made them before Argon2id: ChaCha20-Poly1305, its key by PBKDF2-SHA256 at 64,007 iterations. */
function olderCaseBook(file: string, passphrase: string): CaseBookDatabase {
  const raw = new Database(file);
  for (const pragma of pbkdf2Scheme.pragmas) raw.pragma(pragma);
  raw.pragma(keyPragma('key', passphrase));
  raw.exec('CREATE TABLE made_before (x INTEGER)');
  raw.close();
  expect(keySchemeOf(file)).toBe(pbkdf2Scheme);
  const db = openCaseBook({ file, key: passphrase });
  expect(db.keyScheme).toBe(pbkdf2Scheme);
  return db;
}

const organisation = (db: CaseBookDatabase, name: string) =>
  db.run(
    sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES (${name}, ${name}, 'other', 't', 't')`,
  );

const backupName = (day: number) => `casebook-202601${String(day).padStart(2, '0')}T120000000Z.sqlite`;

/** A backup made the old way (VACUUM INTO keeps the key and its scheme). */
function olderBackup(db: CaseBookDatabase, dataDir: string, day: number) {
  mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
  db.connection.prepare('VACUUM INTO ?').run(path.join(dataDir, 'backups', backupName(day)));
}

const auditOf = (core: Core, action: string) =>
  core.context.db
    .all<{ detail: string }>(sql`SELECT detail FROM audit_log WHERE action = ${action} ORDER BY seq`)
    .map((row) => JSON.parse(row.detail) as Record<string, unknown>);

const files = (dataDir: string) => readdirSync(path.join(dataDir, 'backups')).sort();

describe('a case book from before Argon2id', () => {
  it('is re-keyed at the next unlock, with its backups, keeping everything; backups under another passphrase stay as they were', async () => {
    const dataDir = tempDir();
    const caseBook = olderCaseBook(path.join(dataDir, 'casebook.sqlite'), testPassphrase);
    organisation(caseBook, 'Kept Through Re-keying');
    olderBackup(caseBook, dataDir, 1);
    olderBackup(caseBook, dataDir, 2);
    caseBook.close();
    // One more, from a time the case book had another passphrase.
    const earlier = olderCaseBook(path.join(tempDir(), 'earlier.sqlite'), 'an earlier passphrase of ours');
    olderBackup(earlier, dataDir, 3);
    earlier.close();

    const core = lockedCore(dataDir);
    expect(await callOk<VaultStatus>(core, 'vault.status', {})).toMatchObject({
      state: 'locked',
      strengthenOnUnlock: true,
    });
    await callOk(core, 'vault.unlock', { passphrase: testPassphrase });
    expect(keySchemeOf(path.join(dataDir, 'casebook.sqlite'))).toBe(argon2idScheme);
    expect(keySchemeOf(path.join(dataDir, 'backups', backupName(1)))).toBe(argon2idScheme);
    expect(keySchemeOf(path.join(dataDir, 'backups', backupName(2)))).toBe(argon2idScheme);
    expect(keySchemeOf(path.join(dataDir, 'backups', backupName(3)))).toBe(pbkdf2Scheme);
    expect(files(dataDir)).toEqual([backupName(1), backupName(2), backupName(3)]);
    expect(auditOf(core, 'vault.key.strengthened')).toEqual([
      {
        scheme: argon2idScheme.name,
        caseBook: true,
        backupsRekeyed: 2,
        backupsNotRekeyed: [backupName(3)],
      },
    ]);
    expect((await callOk<{ name: string }[]>(core, 'organisations.list', {})).map((o) => o.name)).toEqual([
      'Kept Through Re-keying',
    ]);
    // Everything still opens: the re-keyed backups with the passphrase, the other with its own.
    expect(await callOk(core, 'vault.previewBackup', { fileName: backupName(1) })).toMatchObject({
      counts: { organisations: 1 },
    });
    expect(
      await callOk(core, 'vault.previewBackup', {
        fileName: backupName(3),
        passphrase: 'an earlier passphrase of ours',
      }),
    ).toMatchObject({ counts: { organisations: 0 } });
    await callOk(core, 'vault.backupNow', {});

    // Once is enough: the next unlock has nothing to strengthen in the case book.
    await callOk(core, 'vault.lock', {});
    expect((await callOk<VaultStatus>(core, 'vault.status', {})).strengthenOnUnlock).toBe(false);
    await callOk(core, 'vault.unlock', { passphrase: testPassphrase });
    expect(auditOf(core, 'vault.key.strengthened')).toHaveLength(1);
    expect(keySchemeOf(path.join(dataDir, 'backups', backupName(3)))).toBe(pbkdf2Scheme);
    core.close();
  });

  it('restored from a backup made before, is re-keyed as it is put back', async () => {
    const dataDir = tempDir();
    const core = testCore(dataDir);
    const older = olderCaseBook(path.join(tempDir(), 'older.sqlite'), testPassphrase);
    organisation(older, 'From The Older Backup');
    olderBackup(older, dataDir, 4);
    older.close();
    await callOk(core, 'vault.restoreBackup', { fileName: backupName(4) });
    expect(keySchemeOf(path.join(dataDir, 'casebook.sqlite'))).toBe(argon2idScheme);
    expect((await callOk<{ name: string }[]>(core, 'organisations.list', {})).map((o) => o.name)).toEqual([
      'From The Older Backup',
    ]);
  });
});
