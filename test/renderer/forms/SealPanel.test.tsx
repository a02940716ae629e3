import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { MinutesVersion } from '@shared/domain/minutes';
import { SealPanel } from '@renderer/features/minutes/SealPanel';

const minutes = {
  id: 'm1',
  status: 'locked',
  content: { subject: { commissioner: 'Northshire County Council', provider: 'Brightwater Care Ltd' } },
  possibleNames: [{ word: 'Jayden', where: ['a note in Discover', 'a concern'] }],
} as unknown as MinutesVersion;

test('a word that may be a child’s name is shown, and sealing waits until someone confirms it is not one', async () => {
  const user = userEvent.setup();
  const onSeal = vi.fn(() => Promise.resolve());
  render(<SealPanel minutes={minutes} busy={false} onSeal={onSeal} />);
  expect(screen.getByText('“Jayden”, in a note in Discover, a concern')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Seal the minutes' }));
  expect(onSeal).not.toHaveBeenCalled();
  const confirm = screen.getByRole('checkbox', { name: 'None of these words is a child’s name' });
  expect(confirm).toHaveFocus();
  expect(confirm).toHaveAccessibleDescription(/Confirm that none of these words is a child’s name/);

  await user.keyboard(' ');
  await user.click(screen.getByRole('button', { name: 'Seal the minutes' }));
  expect(onSeal).toHaveBeenCalledWith('Northshire County Council', ['Jayden']);
});

test('with nothing flagged, sealing asks nothing more', async () => {
  const user = userEvent.setup();
  const onSeal = vi.fn(() => Promise.resolve());
  render(<SealPanel minutes={{ ...minutes, possibleNames: [] }} busy={false} onSeal={onSeal} />);
  expect(screen.queryByRole('checkbox')).toBeNull();
  await user.click(screen.getByRole('radio', { name: 'Brightwater Care Ltd' }));
  await user.click(screen.getByRole('button', { name: 'Seal the minutes' }));
  expect(onSeal).toHaveBeenCalledWith('Brightwater Care Ltd', []);
});
