import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import type { Deck, DeckCard } from '@shared/deck/decks';
import type { DrawnCard, Session } from '@shared/domain/sessions';
import { useRoomStore } from '@renderer/features/sessions/roomStore';
import { renderRunScreen, runningSession, sessionNote } from './runScreen';

const reviewId = crypto.randomUUID();
const discoverDraw = crypto.randomUUID();

const deck = {
  id: 'relational-commissioning',
  cards: [
    {
      id: 'what-works',
      title: 'Something works well',
      phases: ['discover', 'dream'],
      questions: [
        { phase: 'discover', text: 'Tell us about a time something went well.' },
        { phase: 'dream', text: 'Imagine the best of what works had become ordinary.' },
        {
          phase: 'dream',
          text: 'Building on the story you told in Discover, what could it grow into?',
          followUp: true,
        },
      ],
    },
  ],
} as unknown as Deck;

const fromDiscover: DrawnCard = {
  drawId: discoverDraw,
  cardId: 'what-works',
  stage: 'discover',
  state: 'done',
  drawnAt: '2026-12-03T10:00:00Z',
  carriedFrom: null,
  card: null,
};

beforeEach(() => useRoomStore.setState({ reviewId: null, viewing: null, undo: null, drafts: [] }));

test('a card from Discover is carried on into Dream by its button, asks its follow-up there, and takes the keyboard', async () => {
  const user = userEvent.setup();
  let session: Session = runningSession(reviewId, { stage: 'dream', cards: [fromDiscover] });
  const { core } = renderRunScreen(reviewId, () => session, {
    'decks.get': () => deck,
    'sessions.carry': ({ drawId }) =>
      (session = {
        ...session,
        cards: [
          fromDiscover,
          { ...fromDiscover, drawId: crypto.randomUUID(), stage: 'dream', state: 'current', carriedFrom: drawId },
        ],
      }),
  });

  const carry = await screen.findByRole('button', { name: 'Carry on: Something works well' });
  await user.click(carry);
  expect(core.callsTo('sessions.carry')).toEqual([{ reviewId, drawId: discoverDraw }]);
  const card = await screen.findByRole('article', { name: 'Something works well' });
  expect(card).toHaveTextContent('Card in play, carried on from Discover');
  const questions = within(card)
    .getAllByRole('listitem')
    .map((item) => item.textContent);
  expect(questions).toEqual([
    'Following on: Building on the story you told in Discover, what could it grow into?',
    'Imagine the best of what works had become ordinary.',
  ]);
  await waitFor(() => expect(within(card).getByRole('heading', { name: 'Something works well' })).toHaveFocus());
  // Carried on once, it is no longer offered.
  expect(screen.queryByRole('button', { name: /^Carry on:/ })).toBeNull();
});

test('a card drawn fresh in Dream never asks the follow-up that refers back', async () => {
  const session = runningSession(reviewId, {
    stage: 'dream',
    cards: [{ ...fromDiscover, stage: 'dream', state: 'current' }],
  });
  renderRunScreen(reviewId, () => session, { 'decks.get': () => deck });
  const card = await screen.findByRole('article', { name: 'Something works well' });
  expect(card).toHaveTextContent('Imagine the best of what works had become ordinary.');
  expect(card).not.toHaveTextContent('Building on the story');
  expect(card).not.toHaveTextContent('carried on');
});
test('a card shows the words it was drawn with, not those of a later edition of the deck', async () => {
  const asDrawn = {
    ...(deck.cards[0] as DeckCard),
    title: 'Something works (first edition)',
    questions: [{ phase: 'dream' as const, text: 'What will each of us do to build on that success?' }],
  };
  const session = runningSession(reviewId, {
    stage: 'dream',
    cards: [{ ...fromDiscover, stage: 'dream', state: 'current', card: asDrawn }],
  });
  renderRunScreen(reviewId, () => session, { 'decks.get': () => deck });
  const card = await screen.findByRole('article', { name: 'Something works (first edition)' });
  expect(
    within(card)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(['What will each of us do to build on that success?']);
  expect(screen.getByRole('region', { name: 'Cards for Dream' })).toHaveTextContent('Something works (first edition)');
});

test('a note names its card, evidence asks where it came from, and a disagreement keeps both views, each saved as typed', async () => {
  const user = userEvent.setup();
  const noteId = crypto.randomUUID();
  const session = runningSession(reviewId, {
    stage: 'discover',
    cards: [{ ...fromDiscover, state: 'current' }],
    notes: [{ ...sessionNote(noteId, 'discover', 'Attendance is up.'), cardId: null }],
  });
  const { core } = renderRunScreen(reviewId, () => session, {
    'decks.get': () => deck,
    'notes.save': () => ({ savedAt: '2026-12-03T10:31:00Z' }),
  });

  const about = await screen.findByRole('combobox', { name: 'About the card' });
  expect(
    within(about)
      .getAllByRole('option')
      .map((option) => option.textContent),
  ).toEqual(['No card', 'Something works well']);
  await user.selectOptions(about, 'Something works well');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Evidence: seen, read or measured');
  expect(screen.getByLabelText('Evidence from the commissioner')).toHaveValue('Attendance is up.');
  await user.type(screen.getByRole('textbox', { name: 'Where it was seen, read or measured' }), 'the school report');
  await waitFor(() =>
    expect(core.callsTo('notes.save').at(-1)).toMatchObject({
      id: noteId,
      cardId: 'what-works',
      kind: 'evidence',
      source: 'the school report',
    }),
  );

  await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Agreed disagreement');
  expect(screen.getByLabelText('What the two sides disagree about')).toHaveValue('Attendance is up.');
  await user.type(screen.getByRole('textbox', { name: 'The commissioner’s view' }), 'It is the school’s doing.');
  await user.type(screen.getByRole('textbox', { name: 'The provider’s view' }), 'It is the routine at home.');
  await waitFor(() =>
    expect(core.callsTo('notes.save').at(-1)).toMatchObject({
      kind: 'disagreement',
      commissionerView: 'It is the school’s doing.',
      providerView: 'It is the routine at home.',
    }),
  );
});
