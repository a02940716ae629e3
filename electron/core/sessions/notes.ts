import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { appendAudit } from '@core/audit';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import type { SessionContext } from './context';
import { changeSession } from './review-state';

/**
 * Saves a note as it is typed: the first save creates it (the renderer makes its id), later ones
 * change it. A new note from the side whose turn it is passes the turn to the other side.
 */
export function saveNote(context: SessionContext, input: ParsedInput<'notes.save'>): { savedAt: string } {
  const now = isoNow(context.clock);
  changeSession(context, input.reviewId, 'notes', (review) => {
    const existing = context.db.get<{ review_id: string; deleted_at: string | null }>(
      sql`SELECT review_id, deleted_at FROM notes WHERE id = ${input.id}`,
    );
    if (existing && existing.review_id !== review.id)
      throw new ApiError('conflict', 'That note belongs to another review.');
    if (existing) {
      context.db.run(sql`
        UPDATE notes SET phase = ${input.stage}, card_id = ${input.cardId ?? null}, side = ${input.side}, kind = ${input.kind},
          text = ${input.text}, source = ${input.source ?? ''}, commissioner_view = ${input.commissionerView ?? ''},
          provider_view = ${input.providerView ?? ''}, updated_at = ${now}
        WHERE id = ${input.id}`);
      return;
    }
    context.db.run(sql`
      INSERT INTO notes (id, review_id, phase, card_id, side, kind, text, source, commissioner_view, provider_view, visit_note_id,
        created_at, updated_at)
      VALUES (${input.id}, ${review.id}, ${input.stage}, ${input.cardId ?? null}, ${input.side}, ${input.kind}, ${input.text},
        ${input.source ?? ''}, ${input.commissionerView ?? ''}, ${input.providerView ?? ''}, ${visitNoteOf(context, input)}, ${now}, ${now})`);
    appendAudit(context, {
      action: 'notes.created',
      subjectKind: 'notes',
      subjectId: input.id,
      detail: { reviewId: review.id },
    });
    if (input.side === review.turn) {
      context.db.run(
        sql`UPDATE reviews SET turn = ${review.turn === 'commissioner' ? 'provider' : 'commissioner'} WHERE id = ${review.id}`,
      );
    }
  });
  return { savedAt: now };
}

/** A note brought in from a visit: the visit's note must exist, and be brought in only once per review. */
function visitNoteOf(context: SessionContext, input: ParsedInput<'notes.save'>): string | null {
  if (!input.visitNoteId) return null;
  const exists = context.db.get(
    sql`SELECT 1 AS found FROM visit_notes WHERE id = ${input.visitNoteId} AND deleted_at IS NULL`,
  );
  if (!exists) throw new ApiError('not_found', 'That note of a visit could not be found. It may have been deleted.');
  const already = context.db.get(sql`
    SELECT 1 AS found FROM notes WHERE review_id = ${input.reviewId} AND visit_note_id = ${input.visitNoteId} AND deleted_at IS NULL`);
  if (already) throw new ApiError('conflict', 'That note of the visit is already in the room.');
  return input.visitNoteId;
}

/** Deleting keeps the note, hidden, so that undo can bring it back. */
export function setNoteDeleted(context: SessionContext, input: ParsedInput<'notes.delete'>, deleted: boolean): void {
  changeSession(context, input.reviewId, 'notes', (review) => {
    const result = context.db.run(sql`
      UPDATE notes SET deleted_at = ${deleted ? isoNow(context.clock) : null} WHERE id = ${input.noteId} AND review_id = ${review.id}`);
    if (result.changes === 0) throw new ApiError('not_found', 'That note is not in this review.');
  });
}

/** A concern with no action must say why: the appreciative frame never hides a worry. */
export function setConcernReason(context: SessionContext, input: ParsedInput<'notes.concernReason'>): void {
  changeSession(context, input.reviewId, 'notes', (review) => {
    const result = context.db.run(sql`
      UPDATE notes SET no_action_reason = ${input.reason || null}, updated_at = ${isoNow(context.clock)}
      WHERE id = ${input.noteId} AND review_id = ${review.id} AND kind = 'concern'`);
    if (result.changes === 0) throw new ApiError('not_found', 'That concern is not in this review.');
  });
}
