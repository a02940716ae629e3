import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { ApiError } from '@shared/api/errors';
import type { OrganisationKey } from '@shared/domain/minutes';
import { KnownKeysPanel } from '@renderer/features/settings/KnownKeysPanel';
import { renderWithApi } from '../fakeApi';

const own: OrganisationKey = {
  id: 'k1',
  organisation: 'Brightwater Care Ltd',
  fingerprint: '0123456789abcdef'.repeat(4),
  subject: 'Brightwater Care Ltd (Relational Review seal)',
  source: 'this_computer',
  addedAt: '2026-11-01T09:00:00Z',
};
const readOut = 'AB:CD:'.repeat(11) + '0123 4567 89ab cdef 0011';
const westfield = 'abcd'.repeat(11) + '0123456789abcdef0011';

function renderPanel() {
  const keys = [own];
  return renderWithApi(<KnownKeysPanel />, {
    'signing.keys': () => [...keys],
    'signing.confirmKey': ({ organisation, fingerprint }) => {
      if (organisation === 'Oakwood Trust')
        throw new ApiError('conflict', 'That key is already known for another organisation.', {
          organisation: 'Oakwood Trust already has this key.',
        });
      keys.push({
        ...own,
        id: 'k2',
        organisation,
        fingerprint: fingerprint.replace(/[\s:]/g, '').toLowerCase(),
        source: 'confirmed',
      });
      return [...keys];
    },
  });
}

const table = () => screen.findByRole('table', { name: 'Keys this case book knows, by organisation' });

test('each known key is listed with its organisation and where it came from', async () => {
  renderPanel();
  const row = within(await table()).getByRole('row', { name: /Brightwater Care Ltd/ });
  expect(row).toHaveTextContent('Made on this computer to seal minutes');
  expect(row).toHaveTextContent('0123 4567 89ab cdef 0123');
});

test('a key read out at the meeting, spaces and colons and all, is added and listed', async () => {
  const user = userEvent.setup();
  const { core } = renderPanel();
  await table();
  const form = screen.getByRole('form', { name: 'Add a key read out at the meeting' });
  await user.type(within(form).getByLabelText('Organisation'), 'Westfield Borough Council');
  await user.type(within(form).getByLabelText('Fingerprint'), readOut);
  await user.click(within(form).getByRole('button', { name: 'Add this key' }));

  await waitFor(() =>
    expect(within(form).getByRole('status')).toHaveTextContent(
      'This case book now knows the key abcd abcd abcd abcd abcd for Westfield Borough Council.',
    ),
  );
  expect(core.callsTo('signing.confirmKey')).toEqual([
    { organisation: 'Westfield Borough Council', fingerprint: westfield },
  ]);
  const added = within(await table()).getByRole('row', { name: /Westfield Borough Council/ });
  expect(added).toHaveTextContent('Typed in from the fingerprint read out');
  expect(within(form).getByLabelText('Fingerprint')).toHaveValue('');
});

test('a fingerprint cut short is explained beside it, and nothing is sent', async () => {
  const user = userEvent.setup();
  const { core } = renderPanel();
  await table();
  await user.type(screen.getByLabelText('Organisation'), 'Westfield Borough Council');
  await user.type(screen.getByLabelText('Fingerprint'), '12ab 34cd');
  await user.click(screen.getByRole('button', { name: 'Add this key' }));
  await waitFor(() =>
    expect(screen.getByLabelText('Fingerprint')).toHaveAccessibleDescription(
      /A fingerprint is 64 letters \(a to f\) and digits\. Check it and try again\./,
    ),
  );
  expect(core.callsTo('signing.confirmKey')).toEqual([]);
});

test('what the core says about a field is shown on that field', async () => {
  const user = userEvent.setup();
  renderPanel();
  await table();
  await user.type(screen.getByLabelText('Organisation'), 'Oakwood Trust');
  await user.type(screen.getByLabelText('Fingerprint'), readOut);
  await user.click(screen.getByRole('button', { name: 'Add this key' }));
  await waitFor(() =>
    expect(screen.getByLabelText('Organisation')).toHaveAccessibleDescription(/Oakwood Trust already has this key\./),
  );
  expect(screen.getByLabelText('Organisation')).toHaveFocus();
});
