import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import type { Session } from '@shared/domain/sessions';
import type { Visit } from '@shared/domain/visits';
import { useRoomStore } from '@renderer/features/sessions/roomStore';
import { renderRunScreen, runningSession, sessionNote } from './runScreen';

const reviewId = crypto.randomUUID();
const visitNoteId = crypto.randomUUID();

const visit: Visit = {
  id: crypto.randomUUID(),
  homeId: crypto.randomUUID(),
  homeName: 'Oakwood House',
  visitedAt: '2026-10-14T09:30:00.000Z',
  kind: 'commissioner',
  purpose: 'Breakfast time',
  visitors: [{ personId: null, name: 'Sam Okoro' }],
  placements: [],
  noteCount: 1,
  createdAt: 't',
  updatedAt: 't',
  archivedAt: null,
  notes: [
    {
      id: visitNoteId,
      visitId: 'v',
      text: 'Contact log shows every visit kept',
      variable: 10,
      about: 'relationship',
      kind: 'read_record',
      source: 'the home’s contact log',
      youngPerson: '',
      rating: 5,
      reason: 'Twelve of twelve',
      createdAt: 't',
      updatedAt: 't',
    },
  ],
};

beforeEach(() => useRoomStore.setState({ reviewId: null, viewing: null, undo: null, drafts: [] }));

test('Discover lists the visits since the last review, and a note of one is brought into the room as evidence, once', async () => {
  const user = userEvent.setup();
  let session: Session = runningSession(reviewId, { stage: 'discover' });
  const { core } = renderRunScreen(reviewId, () => session, {
    'visits.sinceLastReview': () => [visit],
    'notes.save': (input) => {
      session = {
        ...session,
        notes: [
          {
            ...sessionNote(input.id, 'discover', input.text, input.kind),
            source: input.source ?? '',
            visitNoteId: input.visitNoteId ?? null,
          },
        ],
      };
      return { savedAt: 't' };
    },
  });

  const since = await screen.findByRole('region', { name: 'Since the last review' });
  const card = within(since).getByRole('article', { name: 'The commissioner’s visit, 14 October 2026' });
  expect(card).toHaveTextContent('Sam Okoro: Breakfast time');
  expect(card).toHaveTextContent(
    '10. Emphasis on family contact; Read in a record; rated 5 of 5: Twelve of twelve; source: the home’s contact log',
  );
  await user.click(within(card).getByRole('button', { name: /^Bring in as evidence/ }));
  expect(core.callsTo('notes.save')).toEqual([
    expect.objectContaining({
      reviewId,
      stage: 'discover',
      side: 'commissioner',
      kind: 'evidence',
      text: 'Contact log shows every visit kept',
      source: 'the home’s contact log; The commissioner’s visit on 14 October 2026',
      visitNoteId,
    }),
  ]);
  await waitFor(() => expect(within(card).getByText('In the room')).toBeInTheDocument());
  expect(within(card).queryByRole('button', { name: /^Bring in/ })).toBeNull();
  expect(within(card).getByText('Brought into the room as evidence.')).toHaveAttribute('role', 'status');
});
