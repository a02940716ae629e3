import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '@core/core';
import { writeOwnerOnly } from '@core/platform/exporter';
import { callOk, seedCaseBook, tempDir, testPassphrase } from './helpers';

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8).padStart(4, '0');

/** Every folder and file under dir with its mode, as `ls -l` would show it. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = { '.': modeOf(dir) };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    found[path.relative(dir, file)] = modeOf(file);
  }
  return found;
}

/** What modes(dir) should be: every folder 0700, every file 0600. */
const allOwnerOnly = (dir: string) =>
  Object.fromEntries(
    Object.keys(modes(dir)).map((name) => [name, statSync(path.join(dir, name)).isDirectory() ? '0700' : '0600']),
  );

const open = (dataDir: string) =>
  createCore({ dataDir, appVersion: 'test', passphrase: testPassphrase, logger: { error: () => {} } });

describe.skipIf(process.platform === 'win32')('files only their owner can read', () => {
  // What most systems have: files readable by all unless the app says otherwise.
  let umask: number;
  beforeAll(() => (umask = process.umask(0o022)));
  afterAll(() => process.umask(umask));

  it('after a start: the data folder 0700, the case book, its -wal and -shm, and settings 0600', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const core = open(dataDir);
    await seedCaseBook(core);
    await callOk(core, 'vault.setIdleLock', { minutes: 5 });
    const names = readdirSync(dataDir);
    expect(names).toEqual(
      expect.arrayContaining(['casebook.sqlite', 'casebook.sqlite-wal', 'casebook.sqlite-shm', 'settings.json']),
    );
    expect(modes(dataDir)).toEqual(allOwnerOnly(dataDir));
    expect(modeOf(dataDir)).toBe('0700');
    core.close();
  });

  it('after a backup, a restore and a change of passphrase: the backups folder 0700, every backup 0600, nothing half made', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const core = open(dataDir);
    await seedCaseBook(core);
    const [made] = await callOk<{ fileName: string }[]>(core, 'vault.backupNow', {});
    expect(modeOf(path.join(dataDir, 'backups'))).toBe('0700');
    expect(modeOf(path.join(dataDir, 'backups', made!.fileName))).toBe('0600');
    await callOk(core, 'vault.restoreBackup', { fileName: made!.fileName });
    await callOk(core, 'vault.changePassphrase', {
      current: testPassphrase,
      passphrase: 'plum lantern gravel otter',
      confirmation: 'plum lantern gravel otter',
    });
    core.close();
    expect(readdirSync(path.join(dataDir, 'backups')).filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
    expect(modes(dataDir)).toEqual(allOwnerOnly(dataDir));
  });

  it('tightens, at the next start, what an older version left readable by all', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = open(dataDir);
    await callOk(first, 'vault.backupNow', {});
    await callOk(first, 'vault.setIdleLock', { minutes: 5 });
    first.close();
    // As an older version made them: the folders 0755, the files 0644, a half-made backup left behind.
    const backups = path.join(dataDir, 'backups');
    writeFileSync(path.join(backups, 'casebook-20260101T000000000Z.sqlite.partial'), 'half made');
    for (const [name] of Object.entries(modes(dataDir))) {
      const file = path.join(dataDir, name);
      chmodSync(file, statSync(file).isDirectory() ? 0o755 : 0o644);
    }
    expect(modeOf(path.join(dataDir, 'casebook.sqlite'))).toBe('0644');

    const later = createCore({ dataDir, appVersion: 'test', logger: { error: () => {} } });
    expect(existsSync(path.join(backups, 'casebook-20260101T000000000Z.sqlite.partial'))).toBe(false);
    expect(modes(dataDir)).toEqual(allOwnerOnly(dataDir));
    later.close();
  });

  it('after an export: the files the desktop app writes are 0600, one that was there already too', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'minutes.eml'), 'an older draft, readable by all');
    chmodSync(path.join(folder, 'minutes.eml'), 0o644);
    mkdirSync(path.join(folder, 'unrelated'));
    const written = await writeOwnerOnly(folder, [
      { fileName: 'minutes.pdf', content: new Uint8Array([37, 80, 68, 70]) },
      { fileName: '../minutes.eml', content: new Uint8Array([1, 2, 3]) },
    ]);
    expect(written).toEqual([path.join(folder, 'minutes.pdf'), path.join(folder, 'minutes.eml')]);
    expect(modeOf(path.join(folder, 'minutes.pdf'))).toBe('0600');
    expect(modeOf(path.join(folder, 'minutes.eml'))).toBe('0600');
    // The folder is the user's choice, and stays as it was.
    expect(modeOf(path.join(folder, 'unrelated'))).toBe('0755');
  });
});
