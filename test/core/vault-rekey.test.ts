import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { PassphraseChange, VaultStatus } from '@shared/domain/vault';
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
import { makeBackup } from '@core/vault/backups';
import { callError, callOk, seedCaseBook, tempDir, testCore, testPassphrase } from './helpers';

const lockedCore = (dataDir: string) =>
  createCore({ dataDir, appVersion: 'test', automaticBackups: false, logger: { error: () => {} } });

/** A case book as the app made them before Argon2id: ChaCha20-Poly1305, its key by PBKDF2-SHA256 at 64,007 iterations. */
function olderCaseBook(file: string, passphrase: string): CaseBookDatabase {
  const raw = new Database(file);
  for (const pragma of pbkdf2Scheme.pragmas) raw.pragma(pragma);
  raw.pragma(keyPragma('key', passphrase));
  // Written to under the older scheme, then left with the case book's tables only: a backup with
  // tables of its own would not be a case book, and is refused.
  raw.exec('CREATE TABLE made_before (x INTEGER); DROP TABLE made_before');
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

  it('re-keys its backups one at a time, saying how far it has gone, while other calls are answered', async () => {
    const dataDir = tempDir();
    const caseBook = olderCaseBook(path.join(dataDir, 'casebook.sqlite'), testPassphrase);
    organisation(caseBook, 'Kept Through Re-keying');
    for (let day = 1; day <= 4; day++) olderBackup(caseBook, dataDir, day);
    caseBook.close();

    const core = lockedCore(dataDir);
    const steps: unknown[] = [];
    core.events.subscribe((event) => event.name === 'vault.progress' && steps.push(event.data));
    let unlocked = false;
    const unlocking = callOk(core, 'vault.unlock', { passphrase: testPassphrase }).then(() => (unlocked = true));
    // Once the case book is open, the core answers while its backups are still being re-keyed.
    const answered: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      await callOk(core, 'organisations.list', {});
      answered.push(unlocked);
    }
    await unlocking;
    expect(answered).toContain(false);
    expect(steps).toEqual([0, 1, 2, 3, 4].map((done) => ({ task: 'strengthen', done, total: 4 })));
    for (let day = 1; day <= 4; day++)
      expect(keySchemeOf(path.join(dataDir, 'backups', backupName(day)))).toBe(argon2idScheme);
    expect(auditOf(core, 'vault.key.strengthened')).toEqual([
      { scheme: argon2idScheme.name, caseBook: true, backupsRekeyed: 4, backupsNotRekeyed: [] },
    ]);
    core.close();
  });

  it('stops re-keying backups when the case book is locked meanwhile, and finishes at the next unlock', async () => {
    const dataDir = tempDir();
    const caseBook = olderCaseBook(path.join(dataDir, 'casebook.sqlite'), testPassphrase);
    for (let day = 1; day <= 3; day++) olderBackup(caseBook, dataDir, day);
    caseBook.close();

    const core = lockedCore(dataDir);
    // Locked as soon as the first backup has been re-keyed: the passphrase goes with the lock.
    let locked = false;
    core.events.subscribe((event) => {
      if (event.name !== 'vault.progress' || event.data.done !== 1 || locked) return;
      locked = true;
      void callOk(core, 'vault.lock', {});
    });
    await callOk(core, 'vault.unlock', { passphrase: testPassphrase });
    const schemes = [1, 2, 3].map((day) => keySchemeOf(path.join(dataDir, 'backups', backupName(day))));
    expect(schemes.filter((scheme) => scheme === argon2idScheme).length).toBeLessThan(3);
    expect(files(dataDir).every((name) => name.endsWith('.sqlite'))).toBe(true);

    await callOk(core, 'vault.unlock', { passphrase: testPassphrase });
    for (let day = 1; day <= 3; day++)
      expect(keySchemeOf(path.join(dataDir, 'backups', backupName(day)))).toBe(argon2idScheme);
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

describe('changing the passphrase', () => {
  it('keeps backups working: backing up now succeeds, the older backups open with the new passphrase only', async () => {
    const dataDir = tempDir();
    const core = testCore(dataDir);
    await seedCaseBook(core);
    const first = await callOk<{ fileName: string }[]>(core, 'vault.backupNow', {});
    const second = await callOk<{ fileName: string }[]>(core, 'vault.backupNow', {});
    expect(second).toHaveLength(2);
    const steps: unknown[] = [];
    core.events.subscribe((event) => event.name === 'vault.progress' && steps.push(event.data));
    const next = 'plum lantern gravel otter';
    const change = await callOk<VaultStatus & PassphraseChange>(core, 'vault.changePassphrase', {
      current: testPassphrase,
      passphrase: next,
      confirmation: next,
    });
    expect(change).toMatchObject({ state: 'unlocked', backupsRekeyed: 2, backupsUnderEarlierPassphrase: [] });
    expect(steps).toEqual([0, 1, 2].map((done) => ({ task: 'passphrase', done, total: 2 })));

    const made = await callOk<{ fileName: string }[]>(core, 'vault.backupNow', {});
    expect(made).toHaveLength(3);
    expect(files(dataDir).filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
    for (const { fileName } of made)
      expect(await callOk(core, 'vault.previewBackup', { fileName })).toMatchObject({ counts: { organisations: 2 } });
    // The passphrase before the change opens none of them.
    expect(
      (await callError(core, 'vault.previewBackup', { fileName: first[0]!.fileName, passphrase: testPassphrase })).code,
    ).toBe('unauthorised');
    expect(auditOf(core, 'vault.passphrase.changed')).toEqual([{ backupsRekeyed: 2, backupsNotRekeyed: [] }]);
    expect(first[0]!.fileName).toBe(made[2]!.fileName);

    // After a lock, the new passphrase opens the case book and its backups still work.
    await callOk(core, 'vault.lock', {});
    await callOk(core, 'vault.unlock', { passphrase: next });
    await callOk(core, 'vault.backupNow', {});
  });

  it('names the backups made under an earlier passphrase, which it cannot re-key, and removes them when asked', async () => {
    const dataDir = tempDir();
    const core = testCore(dataDir);
    await callOk(core, 'vault.backupNow', {});
    // A backup from a time the case book had another passphrase.
    const other = testCore();
    await callOk(other, 'vault.changePassphrase', {
      current: testPassphrase,
      passphrase: 'an earlier passphrase of ours',
      confirmation: 'an earlier passphrase of ours',
    });
    const [theirs] = await callOk<{ fileName: string }[]>(other, 'vault.backupNow', {});
    copyFileSync(path.join(other.dataDir, 'backups', theirs!.fileName), path.join(dataDir, 'backups', backupName(5)));

    const change = await callOk<PassphraseChange>(core, 'vault.changePassphrase', {
      current: testPassphrase,
      passphrase: 'plum lantern gravel otter',
      confirmation: 'plum lantern gravel otter',
    });
    expect(change).toMatchObject({ backupsRekeyed: 1, backupsUnderEarlierPassphrase: [backupName(5)] });
    expect(
      await callOk(core, 'vault.previewBackup', {
        fileName: backupName(5),
        passphrase: 'an earlier passphrase of ours',
      }),
    ).toMatchObject({ fileName: backupName(5) });
    const left = await callOk<{ fileName: string }[]>(core, 'vault.removeBackups', {
      fileNames: change.backupsUnderEarlierPassphrase,
    });
    expect(left.map((backup) => backup.fileName)).not.toContain(backupName(5));
    expect(left).toHaveLength(1);
    expect((await callError(core, 'vault.removeBackups', { fileNames: ['../casebook.sqlite'] })).message).toBe(
      'Choose one of the backups listed.',
    );
  });

  it('a backup that fails its check leaves no .partial file behind', async () => {
    const dataDir = tempDir();
    const core = testCore(dataDir);
    await seedCaseBook(core);
    // What every backup after a change of passphrase did before: checked under the old passphrase.
    expect(() => makeBackup(core.context.db, dataDir, 'the passphrase before the change', 14)).toThrow(
      /does not open this backup/,
    );
    expect(files(dataDir)).toEqual([]);
  });
});
