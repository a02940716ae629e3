import { act, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { Organisation } from '@shared/domain/organisations';
import type { Session } from '@shared/domain/sessions';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { ApiError } from '@shared/api/errors';
import { renderWithApi } from '../fakeApi';

const organisation = (name: string) => ({ id: name, name, kind: 'provider' }) as Organisation;

function OrganisationNames() {
  const organisations = useApiQuery('organisations.list', {});
  if (organisations.error) return <p role="alert">{failureOf(organisations)}</p>;
  return <p>{organisations.data?.map((o) => o.name).join(', ') ?? 'Loading'}</p>;
}

function SessionStage({ reviewId }: { reviewId: string }) {
  const session = useApiQuery('sessions.get', { reviewId });
  return <p>Stage: {session.data?.stage ?? '…'}</p>;
}

test('what the core answers is shown, and read again when the case book changes', async () => {
  let names = ['Brightwater Care Ltd'];
  const { core } = renderWithApi(<OrganisationNames />, { 'organisations.list': () => names.map(organisation) });
  expect(await screen.findByText('Brightwater Care Ltd')).toBeInTheDocument();

  names = ['Brightwater Care Ltd', 'Northshire County Council'];
  act(() => core.emit('casebook.changed', { kind: 'organisation', id: 'Northshire County Council' }));
  expect(await screen.findByText('Brightwater Care Ltd, Northshire County Council')).toBeInTheDocument();
});

test('a deck changing leaves the case book on screen as it was read', async () => {
  let names = ['Brightwater Care Ltd'];
  const { core } = renderWithApi(<OrganisationNames />, { 'organisations.list': () => names.map(organisation) });
  await screen.findByText('Brightwater Care Ltd');
  names = ['Changed behind the screen'];
  act(() => core.emit('deck.changed', { deckId: 'relational-commissioning' }));
  await act(() => new Promise((settle) => setTimeout(settle, 20)));
  expect(screen.getByText('Brightwater Care Ltd')).toBeInTheDocument();
  expect(core.callsTo('organisations.list')).toHaveLength(1);
});

test('two parts of the screen reading the same thing share one read', async () => {
  const { core } = renderWithApi(
    <>
      <OrganisationNames />
      <OrganisationNames />
    </>,
    { 'organisations.list': () => [organisation('Brightwater Care Ltd')] },
  );
  expect(await screen.findAllByText('Brightwater Care Ltd')).toHaveLength(2);
  expect(core.callsTo('organisations.list')).toHaveLength(1);
});

test('a session follows changes to its own review’s state, not notes being typed nor other reviews', async () => {
  const stages: Record<string, Session['stage']> = { r1: 'define', r2: 'define' };
  const { core } = renderWithApi(<SessionStage reviewId="r1" />, {
    'sessions.get': ({ reviewId }) => ({ reviewId, stage: stages[reviewId] }) as Session,
  });
  expect(await screen.findByText('Stage: define')).toBeInTheDocument();

  stages.r1 = 'discover';
  act(() => core.emit('session.changed', { reviewId: 'r2', part: 'state' }));
  act(() => core.emit('session.changed', { reviewId: 'r1', part: 'notes' }));
  await act(() => new Promise((settle) => setTimeout(settle, 20)));
  expect(screen.getByText('Stage: define')).toBeInTheDocument();

  act(() => core.emit('session.changed', { reviewId: 'r1', part: 'state' }));
  expect(await screen.findByText('Stage: discover')).toBeInTheDocument();
});

test('a read the core refuses says why, in its words', async () => {
  renderWithApi(<OrganisationNames />, {
    'organisations.list': () => {
      throw new ApiError('locked', 'The case book is locked. Unlock it to carry on.');
    },
  });
  expect(await screen.findByRole('alert')).toHaveTextContent('The case book is locked. Unlock it to carry on.');
});
