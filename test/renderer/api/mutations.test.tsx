import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { ApiError } from '@shared/api/errors';
import type { Home } from '@shared/domain/homes';
import { useApiMutation, useScopeMessages } from '@renderer/api/useApiMutation';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ArchiveButton } from '@renderer/ui/ArchiveButton';
import { deferred, renderWithApi } from '../fakeApi';

function HomeWithArchive() {
  const home = useApiQuery('homes.get', { id: 'h1' });
  if (!home.data) return null;
  return (
    <>
      <h1>{home.data.archivedAt ? `${home.data.name} (archived)` : home.data.name}</h1>
      <ArchiveButton noun="homes" id="h1" archived={Boolean(home.data.archivedAt)} what="home" />
    </>
  );
}

test('a button is busy while its call runs, then says it is done, and the page shows the change', async () => {
  const user = userEvent.setup();
  const answer = deferred<void>();
  let archivedAt: string | null = null;
  renderWithApi(<HomeWithArchive />, {
    'homes.get': () => ({ id: 'h1', name: 'Oakwood House', archivedAt }) as Home,
    'homes.archive': async () => {
      await answer.promise;
      archivedAt = '2026-11-29T10:00:00Z';
      return { id: 'h1', name: 'Oakwood House', archivedAt } as Home;
    },
  });

  await user.click(await screen.findByRole('button', { name: 'Archive home' }));
  expect(screen.getByRole('button', { name: 'Archive home' })).toBeDisabled();
  answer.resolve();

  expect(await screen.findByRole('heading', { name: 'Oakwood House (archived)' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('Archived this home. You can restore it at any time.');
  expect(screen.getByRole('button', { name: 'Restore home' })).toBeEnabled();
});

test('a call the core refuses says why in its words, and no success is claimed', async () => {
  const user = userEvent.setup();
  renderWithApi(<HomeWithArchive />, {
    'homes.get': () => ({ id: 'h1', name: 'Oakwood House', archivedAt: null }) as Home,
    'homes.archive': () => {
      throw new ApiError('conflict', 'This home has a review running. Conclude it first.');
    },
  });
  await user.click(await screen.findByRole('button', { name: 'Archive home' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('This home has a review running. Conclude it first.');
  expect(screen.getByRole('status')).toBeEmptyDOMElement();
});

/** Two buttons in different places, reporting in one place: as the session panels do. */
function TwoButtonsOneNotice() {
  const scope = ['room'];
  const first = useApiMutation({ scope });
  const second = useApiMutation({ scope });
  const { status, failure } = useScopeMessages(scope);
  return (
    <>
      <button type="button" onClick={() => void first.run('homes.archive', { id: 'h1' }, { success: 'First done.' })}>
        First
      </button>
      <button
        type="button"
        onClick={() => void second.run('homes.restore', { id: 'h1' }, { pending: 'Second running…' })}
      >
        Second
      </button>
      <p role="status">{status}</p>
      {failure && <p role="alert">{failure}</p>}
    </>
  );
}

test('calls made in one scope report in one place: the latest one, from the start', async () => {
  const user = userEvent.setup();
  const second = deferred<void>();
  renderWithApi(<TwoButtonsOneNotice />, {
    'homes.archive': () => ({ id: 'h1' }) as Home,
    'homes.restore': async () => {
      await second.promise;
      throw new ApiError('not_found', 'That home could not be found.');
    },
  });
  await user.click(screen.getByRole('button', { name: 'First' }));
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('First done.'));

  await user.click(screen.getByRole('button', { name: 'Second' }));
  expect(await screen.findByText('Second running…')).toBeInTheDocument();
  second.resolve();
  expect(await screen.findByRole('alert')).toHaveTextContent('That home could not be found.');
  expect(screen.getByRole('status')).toBeEmptyDOMElement();
});
