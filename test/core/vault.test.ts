import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '@shared/domain/vault';
import { createCore } from '@core/core';
import { sql } from '@core/db/sql';
import { callError, callOk, seedCaseBook, tempDir } from './helpers';

const open = (dataDir: string, passphrase?: string) =>
  createCore({ dataDir, appVersion: 'test', passphrase, logger: { error: () => {} } });

/** Every file in the data folder, as one buffer: what a thief with the laptop would see. */
const everything = (dataDir: string): Buffer =>
  Buffer.concat(
    readdirSync(dataDir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? everything(path.join(dataDir, entry.name)) : readFileSync(path.join(dataDir, entry.name)),
    ),
  );

describe('the case book at rest', () => {
  it('is encrypted: no SQLite header, none of its text, in any file of the data folder', async () => {
    const dataDir = tempDir();
    const core = open(dataDir, 'a quiet lighthouse on the moor');
    await seedCaseBook(core);
    await callOk(core, 'organisations.create', { name: 'Unmistakable Trust Name', kind: 'other' });
    core.close();
    const bytes = everything(dataDir);
    expect(readFileSync(path.join(dataDir, 'casebook.sqlite')).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    for (const text of ['SQLite format 3', 'Unmistakable Trust Name', 'Oakwood House', 'AB12', 'Priya'])
      expect(bytes.includes(text), text).toBe(false);
  });

  it('asks for a passphrase when new, refuses a wrong one plainly, and opens with the right one', async () => {
    const dataDir = tempDir();
    const fresh = open(dataDir);
    expect(await callOk<VaultStatus>(fresh, 'vault.status', {})).toMatchObject({
      state: 'new',
      unencrypted: false,
      idleLockMinutes: 10,
    });
    expect((await callError(fresh, 'organisations.list', {})).code).toBe('locked');
    const weak = await callError(fresh, 'vault.create', { passphrase: 'short', confirmation: 'short' });
    expect(weak.fields?.passphrase).toMatch(/at least 10 characters/);
    const mismatch = await callError(fresh, 'vault.create', {
      passphrase: 'a long enough phrase',
      confirmation: 'a long enough phrasE',
    });
    expect(mismatch.fields).toEqual({ confirmation: 'The two passphrases are not the same. Type them again.' });
    expect(
      (
        await callOk<VaultStatus>(fresh, 'vault.create', {
          passphrase: 'a long enough phrase',
          confirmation: 'a long enough phrase',
        })
      ).state,
    ).toBe('unlocked');
    await callOk(fresh, 'organisations.create', { name: 'Northshire County Council', kind: 'local_authority' });
    fresh.close();

    const later = open(dataDir);
    expect((await callOk<VaultStatus>(later, 'vault.status', {})).state).toBe('locked');
    const wrong = await callError(later, 'vault.unlock', { passphrase: 'not the phrase' });
    expect(wrong).toEqual({
      code: 'unauthorised',
      message: 'That passphrase does not open this case book. Check it and try again.',
    });
    await callOk(later, 'vault.unlock', { passphrase: 'a long enough phrase' });
    expect((await callOk<{ name: string }[]>(later, 'organisations.list', {})).map((o) => o.name)).toEqual([
      'Northshire County Council',
    ]);
    // The failed attempt is in the audit log.
    const audit = later.context.db.all<{ action: string; detail: string }>(
      sql`SELECT action, detail FROM audit_log ORDER BY seq`,
    );
    expect(audit.at(-1)).toEqual({ action: 'vault.unlocked', detail: '{"failedAttemptsBefore":1}' });
    later.close();
  });

  it('locks by hand and after the idle time, dropping the key; changes the passphrase safely', async () => {
    const dataDir = tempDir();
    const core = open(dataDir, 'first passphrase here');
    await callOk(core, 'vault.lock', {});
    expect((await callError(core, 'homes.list', {})).message).toBe(
      'The case book is locked. Unlock it with your passphrase to carry on.',
    );
    await callOk(core, 'vault.unlock', { passphrase: 'first passphrase here' });
    await callOk(core, 'vault.setIdleLock', { minutes: 5 });
    core.lockIfIdle(Date.now() + 4 * 60_000);
    expect((await callOk<VaultStatus>(core, 'vault.status', {})).state).toBe('unlocked');
    core.lockIfIdle(Date.now() + 6 * 60_000);
    expect((await callOk<VaultStatus>(core, 'vault.status', {})).state).toBe('locked');

    await callOk(core, 'vault.unlock', { passphrase: 'first passphrase here' });
    const refused = await callError(core, 'vault.changePassphrase', {
      current: 'not it at all',
      passphrase: 'second passphrase here',
      confirmation: 'second passphrase here',
    });
    expect(refused.code).toBe('unauthorised');
    await callOk(core, 'vault.changePassphrase', {
      current: 'first passphrase here',
      passphrase: 'second passphrase here',
      confirmation: 'second passphrase here',
    });
    core.close();
    const again = open(dataDir);
    expect((await callError(again, 'vault.unlock', { passphrase: 'first passphrase here' })).code).toBe('unauthorised');
    await callOk(again, 'vault.unlock', { passphrase: 'second passphrase here' });
    again.close();
  });

  it('encrypts a case book made before encryption, keeping what it holds', async () => {
    const dataDir = tempDir();
    const { openCaseBook } = await import('@core/db/database');
    const plain = openCaseBook({ file: path.join(dataDir, 'casebook.sqlite') });
    plain.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('o1', 'Kept Through Encryption', 'other', 't', 't')`,
    );
    plain.close();
    const core = open(dataDir);
    expect(await callOk<VaultStatus>(core, 'vault.status', {})).toMatchObject({ state: 'new', unencrypted: true });
    await callOk(core, 'vault.create', { passphrase: 'now it is encrypted', confirmation: 'now it is encrypted' });
    expect((await callOk<{ name: string }[]>(core, 'organisations.list', {})).map((o) => o.name)).toEqual([
      'Kept Through Encryption',
    ]);
    core.close();
    expect(everything(dataDir).includes('Kept Through Encryption')).toBe(false);
  });
});

describe('backups', () => {
  it('are encrypted, checked, kept to the newest few, previewed and restored without losing what is there', async () => {
    const dataDir = tempDir();
    const core = createCore({
      dataDir,
      appVersion: 'test',
      passphrase: 'backups are encrypted too',
      logger: { error: () => {} },
    });
    await seedCaseBook(core);
    await callOk(core, 'vault.setBackupsKept', { keep: 2 });
    const [first] = await callOk<{ fileName: string }[]>(core, 'vault.backupNow', {});
    const bytes = readFileSync(path.join(dataDir, 'backups', first!.fileName));
    expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(bytes.includes('Oakwood House')).toBe(false);

    await callOk(core, 'organisations.create', { name: 'Added After The Backup', kind: 'other' });
    const preview = await callOk<{ counts: { organisations: number; reviews: number } }>(core, 'vault.previewBackup', {
      fileName: first!.fileName,
    });
    expect(preview.counts).toMatchObject({ organisations: 2, reviews: 1 });
    expect(
      (await callError(core, 'vault.previewBackup', { fileName: first!.fileName, passphrase: 'not the phrase' })).code,
    ).toBe('unauthorised');
    expect((await callError(core, 'vault.previewBackup', { fileName: '../casebook.sqlite' })).message).toBe(
      'Choose one of the backups listed.',
    );

    await callOk(core, 'vault.restoreBackup', { fileName: first!.fileName });
    expect((await callOk<{ name: string }[]>(core, 'organisations.list', {})).map((o) => o.name)).toEqual([
      'Brightwater Care Ltd',
      'Northshire County Council',
    ]);
    // What was there before the restore was backed up first, so nothing is lost.
    const backups = await callOk<{ fileName: string }[]>(core, 'vault.backups', {});
    expect(backups).toHaveLength(2);
    const before = await callOk<{ counts: { organisations: number } }>(core, 'vault.previewBackup', {
      fileName: backups[0]!.fileName,
    });
    expect(before.counts.organisations).toBe(3);
    core.close();
    // Closing makes one more; only the newest two are kept.
    expect(readdirSync(path.join(dataDir, 'backups')).filter((name) => name.endsWith('.sqlite'))).toHaveLength(2);
  });
});
