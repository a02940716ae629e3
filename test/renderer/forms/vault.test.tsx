import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { ApiError } from '@shared/api/errors';
import type { VaultStatus } from '@shared/domain/vault';
import { SecurityPanel } from '@renderer/features/settings/SecurityPanel';
import { CreatePassphraseScreen } from '@renderer/features/vault/CreatePassphraseScreen';
import { UnlockScreen } from '@renderer/features/vault/UnlockScreen';
import { deferred, renderWithApi } from '../fakeApi';

const status = (state: VaultStatus['state'], strengthenOnUnlock = false): VaultStatus => ({
  state,
  unencrypted: false,
  strengthenOnUnlock,
  canRemember: true,
  idleLockMinutes: 15,
  backupsKept: 7,
  failedUnlocks: 0,
  unlockWaitSeconds: 0,
});

test('choosing a passphrase: advice as it is typed, and a mismatch caught before anything is sent', async () => {
  const user = userEvent.setup();
  const { core } = renderWithApi(<CreatePassphraseScreen status={status('new')} />, {
    'vault.create': () => status('unlocked'),
  });
  const passphrase = screen.getByLabelText('Passphrase');
  expect(passphrase).toHaveFocus();

  await user.type(passphrase, 'short');
  expect(screen.getByText('Too short: use at least 10 characters.')).toBeInTheDocument();
  await user.clear(passphrase);
  await user.type(passphrase, 'willow kettle orbit saffron');
  // The estimator's dictionaries load as the screen opens; then the advice says how strong it is.
  expect(await screen.findByText('Strong: hard to guess.', {}, { timeout: 10_000 })).toBeInTheDocument();
  await user.type(screen.getByLabelText('Type it again'), 'willow kettle orbit saffroN');
  await user.click(screen.getByRole('button', { name: 'Encrypt and open the case book' }));

  const again = screen.getByLabelText('Type it again');
  await waitFor(() =>
    expect(again).toHaveAccessibleDescription(
      expect.stringContaining('The two passphrases are not the same. Type them again.'),
    ),
  );
  expect(again).toHaveAttribute('aria-invalid', 'true');
  expect(core.callsTo('vault.create')).toEqual([]);

  await user.clear(again);
  await user.type(again, 'willow kettle orbit saffron');
  await user.click(screen.getByLabelText('Remember on this device'));
  await user.click(screen.getByRole('button', { name: 'Encrypt and open the case book' }));
  await waitFor(() =>
    expect(core.callsTo('vault.create')).toEqual([
      { passphrase: 'willow kettle orbit saffron', confirmation: 'willow kettle orbit saffron', remember: true },
    ]),
  );
});

test('a wrong passphrase is refused plainly and must be typed again', async () => {
  const user = userEvent.setup();
  const refused = 'That passphrase does not open this case book. Check it and try again.';
  renderWithApi(<UnlockScreen status={status('locked')} />, {
    'vault.unlock': () => {
      throw new ApiError('unauthorised', refused);
    },
  });
  const unlock = screen.getByRole('button', { name: 'Unlock' });
  expect(unlock).toBeDisabled();
  await user.type(screen.getByLabelText('Passphrase'), 'willow kettle orbit');
  await user.click(unlock);

  expect(await screen.findByRole('alert')).toHaveTextContent(refused);
  expect(screen.getByLabelText('Passphrase')).toHaveValue('');
  expect(screen.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  expect(screen.queryByRole('button', { name: 'Restore the latest backup' })).not.toBeInTheDocument();
});

test('a try within the wait after wrong passphrases is refused next to the passphrase, which is kept', async () => {
  const user = userEvent.setup();
  const wait = 'Wait 8 seconds before trying again: the passphrase was wrong 6 times.';
  const { core } = renderWithApi(<UnlockScreen status={status('locked')} />, {
    'vault.unlock': () => {
      throw new ApiError('unauthorised', wait, { passphrase: wait });
    },
  });
  const passphrase = screen.getByLabelText('Passphrase');
  await user.type(passphrase, 'willow kettle orbit saffron');
  await user.click(screen.getByRole('button', { name: 'Unlock' }));

  await waitFor(() => expect(passphrase).toHaveAccessibleDescription(expect.stringContaining(wait)));
  expect(passphrase).toHaveAttribute('aria-invalid', 'true');
  expect(passphrase).toHaveValue('willow kettle orbit saffron');
  expect(screen.getByRole('button', { name: 'Unlock' })).toBeEnabled();
  expect(core.callsTo('vault.unlock')).toHaveLength(1);
});

test('a wait still running when the screen opens (after a restart) is said next to the passphrase, counting down', async () => {
  renderWithApi(<UnlockScreen status={{ ...status('locked'), failedUnlocks: 5, unlockWaitSeconds: 2 }} />, {});
  const passphrase = screen.getByLabelText('Passphrase');
  expect(passphrase).toHaveAccessibleDescription(
    'Wait 2 seconds before trying again: the passphrase was wrong 5 times.',
  );
  await waitFor(
    () =>
      expect(passphrase).toHaveAccessibleDescription(
        'Wait 1 second before trying again: the passphrase was wrong 5 times.',
      ),
    { timeout: 3_000 },
  );
  await waitFor(() => expect(passphrase).not.toHaveAccessibleDescription(), { timeout: 3_000 });
});

test('a damaged case book offers the latest backup, opened with the passphrase just typed', async () => {
  const user = userEvent.setup();
  const { core } = renderWithApi(<UnlockScreen status={status('locked')} />, {
    'vault.unlock': () => {
      throw new ApiError('damaged', 'The case book is damaged and cannot be opened. Restore a backup.');
    },
    'vault.backups': () => [
      { fileName: 'newest.rrbackup', createdAt: '2026-11-28T18:00:00Z', sizeBytes: 40_000 },
      { fileName: 'older.rrbackup', createdAt: '2026-11-27T18:00:00Z', sizeBytes: 39_000 },
    ],
    'vault.restoreBackup': () => status('unlocked'),
  });
  await user.type(screen.getByLabelText('Passphrase'), 'willow kettle orbit saffron');
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('The case book is damaged');
  expect(screen.getByLabelText('Passphrase')).toHaveValue('willow kettle orbit saffron');

  const restore = await screen.findByRole('button', { name: 'Restore the latest backup' });
  await waitFor(() => expect(restore).toBeEnabled());
  await user.click(restore);
  await waitFor(() =>
    expect(core.callsTo('vault.restoreBackup')).toEqual([
      { fileName: 'newest.rrbackup', passphrase: 'willow kettle orbit saffron' },
    ]),
  );
});

test('a common or guessable passphrase is refused with a plain reason, and nothing is sent', async () => {
  const user = userEvent.setup();
  const { core } = renderWithApi(<CreatePassphraseScreen status={status('new')} />, {
    'vault.create': () => status('unlocked'),
  });
  const passphrase = screen.getByLabelText('Passphrase');
  await user.type(passphrase, 'willow kettle orbit saffron');
  await screen.findByText('Strong: hard to guess.', {}, { timeout: 10_000 });
  for (const [typed, reason] of [
    ['password12', 'it is one of the most used passwords.'],
    ['1234567890', 'it is one of the most used passwords.'],
    ['qwertyuiop', 'it is one of the most used passwords.'],
    ['Password1!', 'it is too close to one of the most used passwords.'],
    ['a'.repeat(20), 'repeated characters are among the first guesses.'],
  ] as const) {
    await user.clear(passphrase);
    await user.type(passphrase, typed);
    await user.clear(screen.getByLabelText('Type it again'));
    await user.type(screen.getByLabelText('Type it again'), typed);
    await user.click(screen.getByRole('button', { name: 'Encrypt and open the case book' }));
    await waitFor(() =>
      expect(passphrase).toHaveAccessibleDescription(expect.stringContaining(`Too easy to guess: ${reason}`)),
    );
    expect(passphrase).toHaveAccessibleDescription(expect.stringContaining('three or four random words'));
  }
  expect(core.callsTo('vault.create')).toEqual([]);
});

test('unlocking a case book from before Argon2id says it is strengthening its protection while it runs', async () => {
  const user = userEvent.setup();
  const answer = deferred<VaultStatus>();
  renderWithApi(<UnlockScreen status={status('locked', true)} />, { 'vault.unlock': () => answer.promise });
  expect(screen.getByText(/unlocking also strengthens the protection of your case book/)).toBeInTheDocument();
  await user.type(screen.getByLabelText('Passphrase'), 'willow kettle orbit saffron');
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  await waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent('Strengthening the protection of your case book…'),
  );
  answer.resolve(status('unlocked'));
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(''));
});

test('changing the passphrase says what became of the backups, and offers to remove those under an earlier one', async () => {
  const user = userEvent.setup();
  const earlier = 'casebook-20260101T120000000Z.sqlite';
  const { core } = renderWithApi(<SecurityPanel />, {
    'vault.status': () => status('unlocked'),
    'vault.changePassphrase': () => ({
      ...status('unlocked'),
      backupsRekeyed: 3,
      backupsUnderEarlierPassphrase: [earlier],
    }),
    'vault.removeBackups': () => [],
  });
  await user.type(screen.getByLabelText('Current passphrase'), 'willow kettle orbit saffron');
  await user.type(screen.getByLabelText('New passphrase'), 'plum lantern gravel otter');
  await user.type(screen.getByLabelText('Type the new passphrase again'), 'plum lantern gravel otter');
  await user.click(screen.getByRole('button', { name: 'Change the passphrase' }));
  expect(
    await screen.findByText(
      'The passphrase is changed. The 3 backups on this computer now open with the new passphrase too. Use the new passphrase from now on.',
    ),
  ).toBeInTheDocument();
  expect(screen.getByText(/1 older backup was made under an earlier passphrase/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Remove the 1 backup under the earlier passphrase' }));
  await waitFor(() => expect(core.callsTo('vault.removeBackups')).toEqual([{ fileNames: [earlier] }]));
  await waitFor(() => expect(screen.queryByText(/made under an earlier passphrase/)).not.toBeInTheDocument());
});
