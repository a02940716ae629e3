import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import type { Deck } from '@shared/deck/decks';
import { sellickFeatures, type Session, type TurnSide } from '@shared/domain/sessions';
import { useRoomStore } from '@renderer/features/sessions/roomStore';
import type { FakeHandlers } from '../fakeApi';
import { renderRunScreen, runningSession, sessionNote } from './runScreen';

const reviewId = crypto.randomUUID();

const note = sessionNote;

const review = (changes: Partial<Session> = {}) =>
  runningSession(reviewId, {
    purpose: 'The six-monthly review',
    notes: [note('n1', 'discover', 'The keyworker’s walks have become a fixed point.')],
    ...changes,
  });

const run = (session: () => Session, handlers: FakeHandlers = {}) => renderRunScreen(reviewId, session, handlers);

beforeEach(() => useRoomStore.setState({ reviewId: null, viewing: null, undo: null }));

test('concluding asks first: the question takes the focus, “Not yet” and Escape go back to the button, “Yes” concludes', async () => {
  const user = userEvent.setup();
  let session = review();
  const { core } = run(() => session, {
    'sessions.conclude': () => (session = { ...session, status: 'concluded' }),
  });

  const ask = await screen.findByRole('button', { name: 'Conclude the review' });
  await user.click(ask);
  expect(screen.getByRole('heading', { name: 'Conclude the review now?' })).toHaveFocus();
  expect(core.callsTo('sessions.conclude')).toEqual([]);

  await user.click(screen.getByRole('button', { name: 'Not yet' }));
  await waitFor(() => expect(screen.getByRole('button', { name: 'Conclude the review' })).toHaveFocus());

  // By keyboard alone: Enter asks, Escape takes it back.
  await user.keyboard('{Enter}');
  expect(screen.getByRole('heading', { name: 'Conclude the review now?' })).toHaveFocus();
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.getByRole('button', { name: 'Conclude the review' })).toHaveFocus());
  expect(core.callsTo('sessions.conclude')).toEqual([]);

  await user.keyboard('{Enter}');
  await user.tab();
  expect(screen.getByRole('button', { name: 'Yes, conclude the review' })).toHaveFocus();
  await user.keyboard('{Enter}');
  const done = await screen.findByText(/concluded and its minutes have been drafted/);
  await waitFor(() => expect(done).toHaveFocus());
  expect(core.callsTo('sessions.conclude')).toEqual([{ reviewId }]);
});

test('a failure to conclude is said beside the button, and the keyboard is back on it', async () => {
  const user = userEvent.setup();
  const { ApiError } = await import('@shared/api/errors');
  run(() => review(), {
    'sessions.conclude': () => {
      throw new ApiError(
        'conflict',
        'This review cannot be concluded while a concern has neither an action nor a reason.',
      );
    },
  });
  await user.click(await screen.findByRole('button', { name: 'Conclude the review' }));
  await user.click(screen.getByRole('button', { name: 'Yes, conclude the review' }));
  const close = screen.getByRole('region', { name: 'Conclude the review' });
  expect(await within(close).findByRole('alert')).toHaveTextContent('cannot be concluded');
  await waitFor(() => expect(within(close).getByRole('button', { name: 'Conclude the review' })).toHaveFocus());
});

test('after concluding every stage can be opened and read, and nothing in it changed', async () => {
  const user = userEvent.setup();
  const { core } = run(() => review({ status: 'concluded' }));
  const rail = await screen.findByRole('navigation', { name: 'Stages' });
  const buttons = within(rail).getAllByRole('button');
  expect(buttons).toHaveLength(8);
  for (const button of buttons) expect(button).toBeEnabled();

  await user.click(within(rail).getByRole('button', { name: /Discover/ }));
  expect(within(rail).getByRole('button', { name: /Discover/ })).toHaveAttribute('aria-current', 'step');
  expect(screen.getByRole('heading', { level: 2, name: 'Discover' })).toBeInTheDocument();
  const text = screen.getByLabelText('Note from the commissioner');
  expect(text).toHaveValue('The keyworker’s walks have become a fixed point.');
  expect(text).toHaveAttribute('readonly');
  expect(screen.queryByRole('button', { name: 'Draw a card' })).not.toBeInTheDocument();

  await user.click(within(rail).getByRole('button', { name: /Define/ }));
  expect(screen.getByLabelText('Purpose')).toBeDisabled();
  expect(screen.queryByRole('button', { name: 'Save the plan' })).not.toBeInTheDocument();
  expect(screen.queryByRole('group', { name: 'Add a participant' })).not.toBeInTheDocument();
  expect(core.callsTo('sessions.stage')).toEqual([]);
});

test('a reason for no action is confirmed beside its concern, and the keyboard stays on its button', async () => {
  const user = userEvent.setup();
  const concernId = crypto.randomUUID();
  const concern = note(concernId, 'deliver', 'AB12 has missed two contact visits.', 'concern');
  let session = review({ stage: 'deliver', notes: [concern], openConcerns: [concernId] });
  run(() => session, {
    'notes.concernReason': (input) =>
      (session = { ...session, notes: [{ ...concern, noActionReason: input.reason ?? null }], openConcerns: [] }),
  });
  const concerns = await screen.findByRole('region', { name: 'Concerns (1)' });
  const item = within(concerns).getByRole('listitem');
  await user.type(within(item).getByLabelText('Or why no action is needed'), 'Contact is already rearranged.');
  const record = within(item).getByRole('button', { name: 'Record the reason' });
  await user.click(record);
  expect(await within(item).findByText('Reason recorded.')).toHaveAttribute('role', 'status');
  await waitFor(() => expect(record).toHaveFocus());
  // Nothing is said far away, above the stage rail.
  expect(screen.getAllByText('Reason recorded.')).toHaveLength(1);
});

test('adding a participant empties the form, side and attendance too, and the keyboard goes to the list they joined', async () => {
  const user = userEvent.setup();
  let session = review({ stage: 'define' });
  run(() => session, {
    'sessions.addParticipant': (input) =>
      (session = {
        ...session,
        participants: [
          {
            id: 'p1',
            personId: null,
            name: input.name,
            role: input.role ?? '',
            organisation: '',
            side: input.side,
            attendance: input.attendance,
          },
        ],
      }),
  });
  const form = await screen.findByRole('group', { name: 'Add a participant' });
  await user.type(within(form).getByLabelText('Name'), 'Sam Okafor');
  await user.selectOptions(within(form).getByLabelText('Side'), 'provider');
  await user.click(within(form).getByLabelText('Sent apologies'));
  await user.click(within(form).getByRole('button', { name: 'Add participant' }));

  const participants = screen.getByRole('region', { name: 'Participants' });
  expect(await within(participants).findByText('Added Sam Okafor.')).toBeInTheDocument();
  expect(within(form).getByLabelText('Name')).toHaveValue('');
  expect(within(form).getByLabelText('Side')).toHaveValue('commissioner');
  expect(within(form).getByLabelText('Present')).toBeChecked();
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Participants' })).toHaveFocus());
});

test('after each side hands in its ratings the keyboard goes on: to the other side, then to both sides’ ratings; no heading repeats', async () => {
  const user = userEvent.setup();
  let session = review({ stage: 'checkin' });
  const rated = Object.fromEntries(sellickFeatures.map((f) => [f.id, { score: 4, word: '' }]));
  run(() => session, {
    'checkin.submit': ({ side }) => {
      const submitted = { ...session.checkin.submitted, [side]: true } as Record<TurnSide, boolean>;
      const revealed = submitted.commissioner && submitted.provider;
      session = {
        ...session,
        checkin: {
          submitted,
          revealed,
          ratings: revealed ? ({ commissioner: rated, provider: rated } as never) : null,
        },
      };
      return session;
    },
  });

  async function rate(side: 'commissioner' | 'provider') {
    const form = screen.getByRole('group', { name: `Ratings from the ${side}` });
    for (const feature of sellickFeatures)
      await user.click(within(within(form).getByRole('group', { name: feature.label })).getByLabelText('4'));
    await user.click(within(form).getByRole('button', { name: `Hand in the ${side}’s ratings` }));
  }

  await user.click(await screen.findByRole('button', { name: 'Rate for the commissioner' }));
  await rate('commissioner');
  await waitFor(() => expect(screen.getByRole('button', { name: 'Rate for the provider' })).toHaveFocus());
  expect(screen.getByText('The commissioner has rated.', { selector: '[role="status"]' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Rate for the provider' }));
  await rate('provider');
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Both sides’ ratings' })).toHaveFocus());

  const headings = screen.getAllByRole('heading').map((heading) => heading.textContent);
  expect(new Set(headings).size).toBe(headings.length);
});

test('when a card or a note leaves the screen the keyboard goes on: to the next draw, the card brought back, the notes', async () => {
  const user = userEvent.setup();
  const drawId = crypto.randomUUID();
  const noteId = crypto.randomUUID();
  const drawn = (state: 'current' | 'done') => [
    {
      drawId,
      cardId: 'sellick-1',
      stage: 'discover' as const,
      state,
      drawnAt: '2026-12-03T10:00:00Z',
      carriedFrom: null,
      card: null,
    },
  ];
  let session = review({ stage: 'discover', cards: drawn('current'), notes: [note(noteId, 'discover', 'Walks.')] });
  run(() => session, {
    'decks.get': () =>
      ({
        id: 'relational-commissioning',
        cards: [{ id: 'sellick-1', title: 'Senior relationships', phases: ['discover'], questions: [] }],
      }) as unknown as Deck,
    'sessions.cardState': ({ state }) => (session = { ...session, cards: drawn(state as 'current' | 'done') }),
    'notes.delete': () => (session = { ...session, notes: [] }),
  });

  await user.click(await screen.findByRole('button', { name: 'Done with this card' }));
  await waitFor(() => expect(screen.getByRole('button', { name: 'Draw a card' })).toHaveFocus());
  await user.click(screen.getByRole('button', { name: /Go back to this card/ }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Senior relationships' })).toHaveFocus());

  await user.click(screen.getByRole('button', { name: /Delete note/ }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Notes in Discover' })).toHaveFocus());
  const notes = screen.getByRole('region', { name: 'Notes in Discover' });
  expect(within(notes).getByRole('button', { name: 'Undo: bring the note back' })).toBeInTheDocument();
  expect(within(notes).getByText('Note deleted.')).toHaveAttribute('role', 'status');
});
