import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@shared/api/errors';
import type { BackupPreview, VaultStatus } from '@shared/domain/vault';
import { createCore } from '@core/core';
import { argon2idScheme, keyPragma, openCaseBook, openEncrypted } from '@core/db/database';
import { latestSchemaVersion } from '@core/db/migrations';
import { sql } from '@core/db/sql';
import { backupRefusals } from '@core/vault/backups';
import {
  callError,
  callOk,
  fileHash,
  pageSize,
  scramble,
  seedCaseBook,
  tempDir,
  testCore,
  testPassphrase,
  type TestCore,
} from './helpers';

/**
 * Every file in the data folder and its backups folder, with its content's hash: what a refused
 * backup must leave exactly as it was. The -shm file is SQLite's shared memory (a read may touch
 * it), so only its presence is compared.
 */
function folderState(dataDir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const entry of readdirSync(dataDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    state[path.relative(dataDir, file)] = entry.name.endsWith('-shm') ? 'present' : fileHash(file);
  }
  return state;
}

const backupName = (day: number) => `casebook-202601${String(day).padStart(2, '0')}T120000000Z.sqlite`;

/** A core with a seeded case book and one good backup, made by the app. */
async function withGoodBackup(): Promise<{ core: TestCore; good: string }> {
  const core = testCore();
  await seedCaseBook(core);
  const [made] = await callOk<{ fileName: string }[]>(core, 'vault.backupNow', {});
  return { core, good: path.join(core.dataDir, 'backups', made!.fileName) };
}

/** An encrypted SQLite file under the case book's scheme and passphrase, made by hand. */
function encryptedFile(file: string, build: (connection: Database.Database) => void): void {
  const connection = new Database(file);
  for (const pragma of argon2idScheme.pragmas) connection.pragma(pragma);
  connection.pragma(keyPragma('key', testPassphrase));
  build(connection);
  connection.close();
}

/** Changes a copy of a good backup with its passphrase (the backup is then an honest-looking, encrypted file). */
function alterBackup(file: string, change: (connection: Database.Database) => void): void {
  const opened = openEncrypted(file, testPassphrase);
  if (opened.outcome !== 'opened') throw new Error(`could not open ${file}: ${opened.outcome}`);
  change(opened.connection);
  opened.connection.close();
  for (const suffix of ['-journal', '-wal', '-shm']) expect(existsSync(`${file}${suffix}`)).toBe(false);
}

interface Crafted {
  name: string;
  /** Writes the crafted backup at `file`, given a good backup to start from. */
  make: (file: string, good: string) => void;
  passphrase?: string;
  refusal: ApiErrorBody;
}

const crafted: Crafted[] = [
  {
    name: 'an empty file',
    make: (file) => writeFileSync(file, ''),
    refusal: { code: 'damaged', message: backupRefusals.empty },
  },
  {
    name: 'a file cut short at a page boundary',
    make: (file, good) => {
      copyFileSync(good, file);
      truncateSync(file, Math.floor(statSync(file).size / 2 / pageSize) * pageSize);
    },
    refusal: { code: 'damaged', message: backupRefusals.cutShort },
  },
  {
    name: 'a file cut short part way through a page',
    make: (file, good) => {
      copyFileSync(good, file);
      truncateSync(file, Math.floor(statSync(file).size / 2) + 1000);
    },
    refusal: { code: 'damaged', message: backupRefusals.cutShort },
  },
  {
    name: 'a file of a few bytes',
    make: (file) => writeFileSync(file, 'abc'),
    refusal: { code: 'damaged', message: backupRefusals.cutShort },
  },
  {
    name: 'random bytes',
    make: (file) => writeFileSync(file, randomBytes(64 * 1024)),
    refusal: { code: 'invalid_input', message: backupRefusals.notADatabase },
  },
  {
    name: 'a file that is not SQLite at all (a PDF)',
    make: (file) => writeFileSync(file, `%PDF-1.7\n${'1 0 obj << /Type /Catalog >> endobj\n'.repeat(200)}%%EOF\n`),
    refusal: { code: 'invalid_input', message: backupRefusals.notADatabase },
  },
  {
    name: 'an unencrypted case book',
    make: (file) => openCaseBook({ file }).close(),
    refusal: { code: 'invalid_input', message: backupRefusals.unencrypted },
  },
  {
    name: 'one from a newer version of the app',
    make: (file, good) => {
      copyFileSync(good, file);
      alterBackup(file, (connection) => connection.pragma(`user_version = ${latestSchemaVersion + 1}`));
    },
    refusal: { code: 'schema_too_new', message: backupRefusals.newer(latestSchemaVersion + 1) },
  },
  {
    name: 'one with a page damaged in the middle',
    make: (file, good) => {
      copyFileSync(good, file);
      const pages = statSync(file).size / pageSize;
      expect(pages).toBeGreaterThan(10);
      scramble(file, Math.floor(pages / 2) * pageSize + 1024, 2048);
    },
    refusal: { code: 'damaged', message: backupRefusals.damaged },
  },
  {
    name: 'one with its first page damaged',
    make: (file, good) => {
      copyFileSync(good, file);
      scramble(file, 1024, 2048);
    },
    refusal: { code: 'damaged', message: backupRefusals.damaged },
  },
  {
    name: 'an encrypted database that is not a case book',
    make: (file) =>
      encryptedFile(file, (connection) => {
        connection.exec("CREATE TABLE secrets (x TEXT); INSERT INTO secrets VALUES ('not a case book')");
        connection.pragma('user_version = 3');
      }),
    refusal: { code: 'invalid_input', message: backupRefusals.notACaseBook },
  },
  {
    name: 'a case book with a table taken away',
    make: (file, good) => {
      copyFileSync(good, file);
      alterBackup(file, (connection) => connection.exec('DROP TABLE countersignatures'));
    },
    refusal: { code: 'invalid_input', message: backupRefusals.notACaseBook },
  },
  {
    name: 'a good backup with a wrong passphrase',
    make: (file, good) => copyFileSync(good, file),
    passphrase: 'not the passphrase at all',
    refusal: {
      code: 'unauthorised',
      message:
        'That passphrase does not open this backup. A backup opens with the passphrase the case book had when it was made.',
    },
  },
];

describe('a backup is checked before it changes anything', () => {
  it.each(crafted)(
    '$name: preview and restore refuse it plainly; the case book, the backups and the data folder are as they were',
    async ({ make, passphrase, refusal }) => {
      const { core, good } = await withGoodBackup();
      const fileName = backupName(1);
      make(path.join(core.dataDir, 'backups', fileName), good);
      const before = folderState(core.dataDir);
      const input = passphrase ? { fileName, passphrase } : { fileName };

      expect(await callError(core, 'vault.previewBackup', input)).toEqual(refusal);
      expect(await callError(core, 'vault.restoreBackup', input)).toEqual(refusal);

      // Nothing changed, nothing left behind: no copy of the backup, no set-aside case book.
      expect(folderState(core.dataDir)).toEqual(before);
      expect(readdirSync(core.dataDir).filter((name) => name.startsWith('backup-check-'))).toEqual([]);
      // The case book is still open, and takes changes.
      expect((await callOk<VaultStatus>(core, 'vault.status', {})).state).toBe('unlocked');
      await callOk(core, 'organisations.create', { name: 'Written After The Refusal', kind: 'other' });
      expect((await callOk<unknown[]>(core, 'organisations.list', {})).length).toBe(3);
      expect(core.context.db.connection.pragma('integrity_check', { simple: true })).toBe('ok');
    },
  );

  it('while the case book is locked, a refused backup leaves it locked and as it was, and it unlocks after', async () => {
    const { core, good } = await withGoodBackup();
    const fileName = backupName(2);
    crafted
      .find((entry) => entry.name === 'one from a newer version of the app')!
      .make(path.join(core.dataDir, 'backups', fileName), good);
    await callOk(core, 'vault.lock', {});
    const before = folderState(core.dataDir);
    expect((await callError(core, 'vault.restoreBackup', { fileName, passphrase: testPassphrase })).code).toBe(
      'schema_too_new',
    );
    // Not kept aside, not replaced: the case book is the file it was.
    expect(folderState(core.dataDir)).toEqual(before);
    expect((await callOk<VaultStatus>(core, 'vault.status', {})).state).toBe('locked');
    await callOk(core, 'vault.unlock', { passphrase: testPassphrase });
    expect((await callOk<unknown[]>(core, 'organisations.list', {})).length).toBe(2);
  });

  it('a good backup restores from the checked copy, which leaves nothing behind', async () => {
    const { core, good } = await withGoodBackup();
    await callOk(core, 'organisations.create', { name: 'Added After The Backup', kind: 'other' });
    const preview = await callOk<BackupPreview>(core, 'vault.previewBackup', { fileName: path.basename(good) });
    expect(preview.counts.organisations).toBe(2);
    const backupBefore = fileHash(good);
    await callOk(core, 'vault.restoreBackup', { fileName: path.basename(good) });
    expect((await callOk<unknown[]>(core, 'organisations.list', {})).length).toBe(2);
    // The backup itself is untouched; the copy checked is the one now in place.
    expect(fileHash(good)).toBe(backupBefore);
    expect(readdirSync(core.dataDir).filter((name) => name.startsWith('backup-check-'))).toEqual([]);
  });

  it('one from an older version of the app is checked against its own version, and brought up to date only once in place', async () => {
    const core = testCore();
    const older = openCaseBook({
      file: path.join(tempDir(), 'older.sqlite'),
      key: testPassphrase,
      migrateTo: latestSchemaVersion - 1,
    });
    older.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('o1', 'From An Older Version', 'other', 't', 't')`,
    );
    mkdirSync(path.join(core.dataDir, 'backups'));
    const file = path.join(core.dataDir, 'backups', backupName(3));
    older.connection.prepare('VACUUM INTO ?').run(file);
    older.close();
    const backupBefore = fileHash(file);

    expect(await callOk<BackupPreview>(core, 'vault.previewBackup', { fileName: backupName(3) })).toMatchObject({
      counts: { organisations: 1 },
    });
    await callOk(core, 'vault.restoreBackup', { fileName: backupName(3) });
    expect(core.context.db.schemaVersion).toBe(latestSchemaVersion);
    expect((await callOk<{ name: string }[]>(core, 'organisations.list', {})).map((o) => o.name)).toEqual([
      'From An Older Version',
    ]);
    expect(fileHash(file)).toBe(backupBefore);
  });

  it('a check cut off by a crash leaves a copy that the next start removes', async () => {
    const dataDir = tempDir();
    const left = path.join(dataDir, 'backup-check-0123456789ab.sqlite');
    writeFileSync(left, 'a copy being checked when the app stopped');
    writeFileSync(`${left}-journal`, 'its journal');
    const core = createCore({ dataDir, appVersion: 'test', automaticBackups: false, logger: { error: () => {} } });
    expect(readdirSync(dataDir).filter((name) => name.startsWith('backup-check-'))).toEqual([]);
    core.close();
  });
});
