import type { Deck } from '@shared/deck/decks';
import type { Review } from '@shared/domain/reviews';
import type { Session, SessionNote } from '@shared/domain/sessions';
import { RunScreen } from '@renderer/features/sessions/RunScreen';
import { renderWithApi, type FakeHandlers } from '../fakeApi';

/** A note as the core returns it, taken by the commissioner unless told. */
export const sessionNote = (
  id: string,
  stage: SessionNote['stage'],
  text: string,
  kind: SessionNote['kind'] = 'story',
  side: SessionNote['side'] = 'commissioner',
) =>
  ({
    id,
    stage,
    cardId: null,
    side,
    kind,
    text,
    source: '',
    commissionerView: '',
    providerView: '',
    visitNoteId: null,
    noActionReason: null,
    createdAt: '2026-12-03T10:30:00Z',
    updatedAt: '2026-12-03T10:30:00Z',
  }) satisfies SessionNote;

/** A review being run, in Close with no notes unless told. */
export function runningSession(reviewId: string, changes: Partial<Session> = {}): Session {
  return {
    reviewId,
    status: 'in_progress',
    purpose: '',
    affirmativeTopic: '',
    apologies: '',
    deckId: 'relational-commissioning',
    timeBoxes: { define: 10, checkin: 10, matters: 10, discover: 20, dream: 15, design: 15, deliver: 15, close: 5 },
    stage: 'close',
    turn: 'commissioner',
    timer: { stage: 'close', startedAt: null, elapsedMs: 0, limitMs: 5 * 60_000 },
    participants: [],
    cards: [],
    notes: [],
    actions: [],
    matters: [],
    checkin: { submitted: { commissioner: false, provider: false }, revealed: false, ratings: null },
    openConcerns: [],
    ...changes,
  };
}

/** The run screen over a fake API whose session is what `session` answers at each read. */
export function renderRunScreen(reviewId: string, session: () => Session, handlers: FakeHandlers = {}) {
  return renderWithApi(<RunScreen reviewId={reviewId} />, {
    'reviews.get': () => ({ id: reviewId, title: 'Placement review: AB12' }) as Review,
    'sessions.get': session,
    'decks.get': () => ({ id: 'relational-commissioning', cards: [] }) as unknown as Deck,
    'decks.list': () => [],
    'people.list': () => [],
    'visits.sinceLastReview': () => [],
    'organisations.list': () => [],
    ...handlers,
  });
}
