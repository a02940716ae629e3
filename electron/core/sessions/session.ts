import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { DeckCard } from '@shared/deck/decks';
import type { DrawnCard, Participant, Session, SessionNote } from '@shared/domain/sessions';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import { listActions, mattersArising } from './actions';
import { readCheckin } from './checkin';
import type { SessionContext } from './context';
import { elapsedNow } from './controls';
import { readReview, timeBoxesOf, type ReviewState } from './review-state';

/** Everything the facilitator's screen and the presenter view show, in one read. */
export function getSession(context: SessionContext, input: ParsedInput<'sessions.get'>): Session {
  return context.db.transaction(() => {
    const review = readReview(context, input.reviewId);
    const { db } = context;
    const timeBoxes = timeBoxesOf(review);
    const notes = db.records<SessionNote>(sql`
      SELECT id, phase AS stage, card_id, side, kind, text, source, commissioner_view, provider_view, visit_note_id, no_action_reason,
        created_at, updated_at
      FROM notes WHERE review_id = ${review.id} AND deleted_at IS NULL ORDER BY created_at, rowid`);
    const actions = listActions(context, review.id);
    return {
      reviewId: review.id,
      status: review.status,
      purpose: review.purpose,
      affirmativeTopic: review.affirmativeTopic,
      apologies: review.apologies,
      deckId: review.deckId ?? context.decks.builtInId,
      timeBoxes,
      stage: review.stage,
      turn: review.turn,
      timer: {
        stage: review.stage,
        startedAt: review.timerStartedAt,
        elapsedMs: elapsedNow(review, context.clock()),
        limitMs: timeBoxes[review.stage] * 60_000 + review.timerExtraMs,
      },
      participants: db.records<Participant>(sql`
        SELECT id, person_id, name, role, organisation, side, attendance FROM participants WHERE review_id = ${review.id} ORDER BY created_at, rowid`),
      cards: db
        .records<Omit<DrawnCard, 'card'> & { card: string | null }>(
          sql`
        SELECT id AS draw_id, card_id, stage, state, drawn_at, carried_from, card FROM review_cards WHERE review_id = ${review.id} ORDER BY drawn_at, rowid`,
        )
        .map((drawn) => ({ ...drawn, card: drawn.card === null ? null : (JSON.parse(drawn.card) as DeckCard) })),
      notes,
      actions,
      matters: mattersArising(context, review),
      checkin: readCheckin(context, review.id),
      openConcerns: openConcerns(notes, actions),
    };
  });
}

function openConcerns(notes: SessionNote[], actions: { noteId: string | null }[]): string[] {
  const withAction = new Set(actions.map((action) => action.noteId));
  return notes
    .filter(
      (note) => note.kind === 'concern' && note.text.trim() !== '' && !withAction.has(note.id) && !note.noActionReason,
    )
    .map((note) => note.id);
}

/** Ends the review and drafts its minutes; refused while any concern is left without an answer. */
export function concludeReview(context: SessionContext, input: ParsedInput<'sessions.conclude'>): Session {
  context.db.transaction(() => {
    const session = getSession(context, input);
    if (session.status === 'concluded' || session.status === 'signed')
      throw new ApiError('conflict', 'This review is already concluded.');
    if (session.openConcerns.length > 0) {
      const first = session.notes.find((note) => note.id === session.openConcerns[0])!;
      const count = session.openConcerns.length;
      throw new ApiError(
        'conflict',
        `The review cannot be concluded while ${count === 1 ? 'a concern has' : `${count} concerns have`} neither an action nor a reason for none, starting with: “${first.text.trim().slice(0, 120)}”. Add an action or record why none is needed.`,
      );
    }
    concludeInStore(context, readReview(context, input.reviewId));
  });
  context.events.emit('session.changed', { reviewId: input.reviewId, part: 'state' });
  context.events.emit('casebook.changed', { kind: 'review', id: input.reviewId });
  return getSession(context, input);
}

function concludeInStore(context: SessionContext, review: ReviewState): void {
  const now = isoNow(context.clock);
  context.db.run(sql`
    UPDATE reviews SET status = 'concluded', concluded_at = ${now}, stage = 'close', timer_started_at = NULL,
      timer_elapsed_ms = ${elapsedNow(review, context.clock())}, updated_at = ${now}
    WHERE id = ${review.id}`);
  context.db.run(sql`
    INSERT INTO minutes (id, review_id, version, status, created_at, updated_at)
    VALUES (${randomUUID()}, ${review.id}, 1, 'draft', ${now}, ${now})`);
}
