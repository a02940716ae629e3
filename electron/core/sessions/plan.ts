import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import { requireLinked } from '@core/casebook/records';
import type { SessionContext } from './context';
import { changeSession } from './review-state';

export function savePlan(context: SessionContext, input: ParsedInput<'sessions.plan'>): void {
  context.decks.get(input.deckId);
  changeSession(context, input.reviewId, 'state', () => {
    context.db.run(sql`
      UPDATE reviews SET purpose = ${input.purpose}, affirmative_topic = ${input.affirmativeTopic}, apologies = ${input.apologies}, deck_id = ${input.deckId},
        time_boxes = ${JSON.stringify(input.timeBoxes)}, updated_at = ${isoNow(context.clock)}
      WHERE id = ${input.reviewId}`);
  });
}

export function addParticipant(context: SessionContext, input: ParsedInput<'sessions.addParticipant'>): void {
  changeSession(context, input.reviewId, 'state', () => {
    if (input.personId) {
      requireLinked(context, 'people', input.personId, 'personId', 'Choose a person from the case book.');
      const already = context.db.get(
        sql`SELECT 1 FROM participants WHERE review_id = ${input.reviewId} AND person_id = ${input.personId}`,
      );
      if (already)
        throw new ApiError('conflict', `${input.name} is already listed for this review.`, {
          personId: 'Already listed for this review.',
        });
    }
    context.db.run(sql`
      INSERT INTO participants (id, review_id, person_id, name, role, organisation, side, attendance, created_at)
      VALUES (${randomUUID()}, ${input.reviewId}, ${input.personId ?? null}, ${input.name}, ${input.role}, ${input.organisation},
              ${input.side}, ${input.attendance}, ${isoNow(context.clock)})`);
  });
}

export function removeParticipant(context: SessionContext, input: ParsedInput<'sessions.removeParticipant'>): void {
  changeSession(context, input.reviewId, 'state', () => {
    const result = context.db.run(
      sql`DELETE FROM participants WHERE id = ${input.participantId} AND review_id = ${input.reviewId}`,
    );
    if (result.changes === 0) throw new ApiError('not_found', 'That participant is not listed for this review.');
  });
}
