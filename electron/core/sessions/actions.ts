import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { MatterArising, SessionAction } from '@shared/domain/sessions';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import { requireLinked } from '@core/casebook/records';
import { sameSubject } from '@core/review-subject';
import type { SessionContext } from './context';
import { changeSession, type ReviewState } from './review-state';

/** Adds an action, or changes one of this review's actions. */
export function saveAction(context: SessionContext, input: ParsedInput<'actions.save'>): { id: string } {
  if (!input.ownerPersonId && !input.ownerSide) {
    throw new ApiError('invalid_input', 'Say who will do it: a person, or one of the sides.', {
      ownerSide: 'Choose a person or a side.',
    });
  }
  return changeSession(context, input.reviewId, 'state', (review) => {
    const now = isoNow(context.clock);
    if (input.ownerPersonId)
      requireLinked(context, 'people', input.ownerPersonId, 'ownerPersonId', 'Choose a person from the list.');
    if (input.noteId) {
      const note = context.db.get(sql`SELECT 1 FROM notes WHERE id = ${input.noteId} AND review_id = ${review.id}`);
      if (!note)
        throw new ApiError('invalid_input', 'That note is not in this review.', {
          noteId: 'That note is not in this review.',
        });
    }
    const values = { owner: input.ownerPersonId ?? null, side: input.ownerSide ?? null, due: input.dueDate ?? null };
    if (input.id) {
      const result = context.db.run(sql`
        UPDATE actions SET text = ${input.text}, owner_person_id = ${values.owner}, owner_side = ${values.side}, due_date = ${values.due},
          note_id = ${input.noteId ?? null}, card_id = ${input.cardId ?? null}, updated_at = ${now}
        WHERE id = ${input.id} AND review_id = ${review.id}`);
      if (result.changes === 0) throw new ApiError('not_found', 'That action is not one of this review’s.');
      return { id: input.id };
    }
    const id = randomUUID();
    context.db.run(sql`
      INSERT INTO actions (id, review_id, text, owner_person_id, owner_side, due_date, note_id, card_id, created_at, updated_at)
      VALUES (${id}, ${review.id}, ${input.text}, ${values.owner}, ${values.side}, ${values.due}, ${input.noteId ?? null},
              ${input.cardId ?? null}, ${now}, ${now})`);
    return { id };
  });
}

export function setActionDeleted(
  context: SessionContext,
  input: ParsedInput<'actions.delete'>,
  deleted: boolean,
): void {
  changeSession(context, input.reviewId, 'state', (review) => {
    const result = context.db.run(sql`
      UPDATE actions SET deleted_at = ${deleted ? isoNow(context.clock) : null} WHERE id = ${input.actionId} AND review_id = ${review.id}`);
    if (result.changes === 0) throw new ApiError('not_found', 'That action is not one of this review’s.');
  });
}

export function listActions({ db }: SessionContext, reviewId: string): SessionAction[] {
  return db.records<SessionAction>(sql`
    SELECT actions.id, actions.review_id, actions.text, actions.owner_person_id, people.name AS owner_name, actions.owner_side,
           actions.due_date, actions.note_id, actions.card_id, actions.created_at
    FROM actions LEFT JOIN people ON people.id = actions.owner_person_id
    WHERE actions.review_id = ${reviewId} AND actions.deleted_at IS NULL
    ORDER BY actions.created_at`);
}

/** Earlier reviews of the same home, placement or pair of organisations. */
function earlierReviews(review: ReviewState) {
  return sql`SELECT id FROM reviews WHERE ${sameSubject(review)} AND id <> ${review.id} AND scheduled_for < ${review.scheduledFor} AND archived_at IS NULL`;
}

interface MatterRow extends Omit<MatterArising, 'status' | 'reason' | 'updatedInThisReview'> {
  previousStatus: MatterArising['status'] | null;
  thisStatus: MatterArising['status'] | null;
  thisReason: string | null;
}

/**
 * Matters arising: the actions of earlier reviews of the same subject that were still open when
 * this review began, with what this review has said of each.
 */
export function mattersArising(context: SessionContext, review: ReviewState): MatterArising[] {
  const rows = context.db.records<MatterRow>(sql`
    SELECT actions.id, actions.review_id, actions.text, actions.owner_person_id, people.name AS owner_name, actions.owner_side,
           actions.due_date, actions.note_id, actions.card_id, actions.created_at,
           earlier.title AS from_review_title, earlier.scheduled_for AS from_review_date,
           (SELECT u.status FROM action_updates u JOIN reviews ur ON ur.id = u.review_id
              WHERE u.action_id = actions.id AND u.review_id <> ${review.id} AND ur.scheduled_for < ${review.scheduledFor}
              ORDER BY ur.scheduled_for DESC LIMIT 1) AS previous_status,
           this.status AS this_status, this.reason AS this_reason
    FROM actions
    JOIN reviews AS earlier ON earlier.id = actions.review_id
    LEFT JOIN people ON people.id = actions.owner_person_id
    LEFT JOIN action_updates AS this ON this.action_id = actions.id AND this.review_id = ${review.id}
    WHERE actions.deleted_at IS NULL AND actions.review_id IN (${earlierReviews(review)})
    ORDER BY earlier.scheduled_for, actions.created_at`);
  return rows
    .filter((row) => row.thisStatus !== null || (row.previousStatus !== 'done' && row.previousStatus !== 'dropped'))
    .map(({ previousStatus, thisStatus, thisReason, ...action }) => ({
      ...action,
      status: thisStatus ?? previousStatus ?? 'not_started',
      reason: thisReason ?? '',
      updatedInThisReview: thisStatus !== null,
    }));
}

export function updateMatter(context: SessionContext, input: ParsedInput<'actions.update'>): void {
  changeSession(context, input.reviewId, 'state', (review) => {
    if (!mattersArising(context, review).some((matter) => matter.id === input.actionId)) {
      throw new ApiError('not_found', 'That action is not among this review’s matters arising.');
    }
    context.db.run(sql`
      INSERT INTO action_updates (action_id, review_id, status, reason, updated_at)
      VALUES (${input.actionId}, ${review.id}, ${input.status}, ${input.reason}, ${isoNow(context.clock)})
      ON CONFLICT (action_id, review_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, updated_at = excluded.updated_at`);
  });
}
