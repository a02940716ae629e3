import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { argon2idScheme, keyPragma, keySchemeOf, openCaseBook, pbkdf2Scheme } from '@core/db/database';
import { e2ePassphrase, expect, expectAxeClean, test } from './fixtures';

const backups = 8;

/**
 * The data folder as a version from before Argon2id left it: the case book under ChaCha20 with
 * its key by PBKDF2-SHA256, and its daily backups made the same way.
 */
function leftByAnOlderVersion(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
  const file = path.join(dataDir, 'casebook.sqlite');
  const raw = new Database(file);
  for (const pragma of pbkdf2Scheme.pragmas) raw.pragma(pragma);
  raw.pragma(keyPragma('key', e2ePassphrase));
  raw.exec('CREATE TABLE made_before (x INTEGER); DROP TABLE made_before');
  raw.close();
  // Opened as the app opens it: still under the older scheme, its tables brought up to date.
  const caseBook = openCaseBook({ file, key: e2ePassphrase });
  for (let day = 1; day <= backups; day++)
    caseBook.connection
      .prepare('VACUUM INTO ?')
      .run(path.join(dataDir, 'backups', `casebook-202601${String(day).padStart(2, '0')}T120000000Z.sqlite`));
  caseBook.close();
}

test.describe('a case book from before the stronger key', () => {
  test.use({ hostPassphrase: null });

  test('its backups are strengthened after the unlock, one at a time, the header saying how far it has gone', async ({
    page,
    host,
  }) => {
    await host.restart(leftByAnOlderVersion);
    await page.goto(host.url);
    await expect(page.getByText(/unlocking also strengthens the protection of your case book/)).toBeVisible();
    const unlock = page.getByRole('form', { name: 'Unlock' });
    await unlock.getByLabel('Passphrase').fill(e2ePassphrase);
    await unlock.getByRole('button', { name: 'Unlock' }).click();

    // The app is in use while the backups are re-keyed; the header says how far it has gone.
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('status')).toHaveText(
      new RegExp(`^Strengthening the protection of your backups: [1-${backups - 1}] of ${backups} done\\.`),
    );
    await expect(
      banner.getByRole('progressbar', { name: 'Strengthening the protection of your backups' }),
    ).toBeVisible();
    await expectAxeClean(page);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(banner.getByRole('status')).toHaveText('', { timeout: 30_000 });

    for (let day = 1; day <= backups; day++) {
      const backup = path.join(
        host.dataDir,
        'backups',
        `casebook-202601${String(day).padStart(2, '0')}T120000000Z.sqlite`,
      );
      expect(keySchemeOf(backup)).toEqual(argon2idScheme);
    }
    expect(keySchemeOf(path.join(host.dataDir, 'casebook.sqlite'))).toEqual(argon2idScheme);
  });
});
