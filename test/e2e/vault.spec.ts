import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, expectAxeClean, test } from './fixtures';

test.describe('a case book with no passphrase yet', () => {
  test.use({ hostPassphrase: null });

  test('the first run asks for a passphrase, encrypts the case book, locks and unlocks it', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Protect the case book with a passphrase' }),
    ).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expectAxeClean(page);
    const form = page.getByRole('form', { name: 'Choose a passphrase' });
    await form.getByLabel('Passphrase', { exact: true }).fill('short');
    await expect(page.getByText('Too short: use at least 10 characters.')).toBeVisible();
    await form.getByLabel('Type it again').fill('short');
    await form.getByRole('button', { name: 'Encrypt and open the case book' }).click();
    await expect(form.getByText('Use at least 10 characters: a few unrelated words work well.')).toBeVisible();
    // A common password is refused with a plain reason, by the form and by the core alike.
    await form.getByLabel('Passphrase', { exact: true }).fill('password12');
    await expect(page.getByText(/^Too easy to guess: it is one of the most used passwords\./)).toBeVisible();
    await form.getByLabel('Type it again').fill('password12');
    await form.getByRole('button', { name: 'Encrypt and open the case book' }).click();
    await expect(form.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Passphrase', { exact: true })).toHaveAccessibleDescription(/Too easy to guess/);
    await expect(host.call('vault.create', { passphrase: 'password12', confirmation: 'password12' })).rejects.toThrow(
      /Too easy to guess/,
    );
    await form.getByLabel('Passphrase', { exact: true }).fill('willow kettle orbit saffron');
    await expect(page.getByText('Strong: hard to guess.')).toBeVisible();
    await form.getByLabel('Type it again').fill('willow kettle orbit saffroN');
    await form.getByRole('button', { name: 'Encrypt and open the case book' }).click();
    await expect(form.getByText('The two passphrases are not the same. Type them again.')).toBeVisible();
    await form.getByLabel('Type it again').fill('willow kettle orbit saffron');
    await form.getByRole('button', { name: 'Encrypt and open the case book' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Case book' })).toBeVisible();
    await host.call('organisations.create', { name: 'Northshire County Council', kind: 'local_authority' });
    const file = readFileSync(path.join(host.dataDir, 'casebook.sqlite'));
    expect(file.subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(file.includes('Northshire')).toBe(false);

    // Locking clears the screen; a wrong passphrase is refused plainly; the right one opens it.
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock the case book' })).toBeVisible();
    await expect(page.getByText('Northshire')).toHaveCount(0);
    await expectAxeClean(page);
    const unlock = page.getByRole('form', { name: 'Unlock' });
    await unlock.getByLabel('Passphrase').fill('willow kettle orbit');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'That passphrase does not open this case book. Check it and try again.',
    );
    await unlock.getByLabel('Passphrase').fill('willow kettle orbit saffron');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Case book' })).toBeVisible();

    // After a restart the case book starts locked.
    await host.restart();
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock the case book' })).toBeVisible();
  });

  test('after wrong passphrases, a try within the wait is refused next to the field, and what was typed is kept', async ({
    page,
    host,
  }) => {
    await host.call('vault.create', {
      passphrase: 'willow kettle orbit saffron',
      confirmation: 'willow kettle orbit saffron',
    });
    // Twelve wrong passphrases a moment ago (the wait is then a minute), as settings.json keeps them across a restart.
    writeFileSync(
      path.join(host.dataDir, 'settings.json'),
      JSON.stringify({ idleLockMinutes: 10, backupsKept: 14, failedUnlocks: 12, lastFailedUnlockAt: new Date() }),
      { mode: 0o600 },
    );
    await host.restart();
    await page.goto(host.url);
    const unlock = page.getByRole('form', { name: 'Unlock' });
    await unlock.getByLabel('Passphrase').fill('willow kettle orbit saffron');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    const field = unlock.getByLabel('Passphrase');
    await expect(field).toHaveAccessibleDescription(
      /Wait \d+ seconds before trying again: the passphrase was wrong 12 times\./,
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue('willow kettle orbit saffron');
    await expectAxeClean(page);
  });
});
