import { act, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { BackupsProgress } from '@renderer/features/vault/BackupsProgress';
import { renderWithApi } from '../fakeApi';

test('backups re-keyed in the background: how far it has gone, said and shown, then gone when done', () => {
  const { core } = renderWithApi(<BackupsProgress />, {});
  const status = screen.getByRole('status');
  expect(status).toBeEmptyDOMElement();

  act(() => core.emit('vault.progress', { task: 'strengthen', done: 3, total: 14 }));
  expect(status).toHaveTextContent('Strengthening the protection of your backups: 3 of 14 done.');
  const bar = screen.getByRole('progressbar', { name: 'Strengthening the protection of your backups' });
  expect(bar).toHaveAttribute('value', '3');
  expect(bar).toHaveAttribute('max', '14');

  act(() => core.emit('vault.progress', { task: 'passphrase', done: 1, total: 2 }));
  expect(status).toHaveTextContent('Re-encrypting your backups under the new passphrase: 1 of 2 done.');

  act(() => core.emit('vault.progress', { task: 'passphrase', done: 2, total: 2 }));
  expect(status).toBeEmptyDOMElement();
});
