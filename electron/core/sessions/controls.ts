import type { ParsedInput } from '@shared/api/contract';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import type { SessionContext } from './context';
import { changeSession, type ReviewState } from './review-state';

/** Moving to another stage starts that stage's timer afresh, paused: the clock never moves on by itself. */
export function moveToStage(context: SessionContext, input: ParsedInput<'sessions.stage'>): void {
  changeSession(context, input.reviewId, 'state', () => {
    context.db.run(sql`
      UPDATE reviews SET stage = ${input.stage}, timer_started_at = NULL, timer_elapsed_ms = 0, timer_extra_ms = 0,
        updated_at = ${isoNow(context.clock)}
      WHERE id = ${input.reviewId}`);
  });
}

export function setTurn(context: SessionContext, input: ParsedInput<'sessions.turn'>): void {
  changeSession(context, input.reviewId, 'state', () => {
    context.db.run(sql`UPDATE reviews SET turn = ${input.side} WHERE id = ${input.reviewId}`);
  });
}

function elapsedNow(review: ReviewState, now: Date): number {
  if (!review.timerStartedAt) return review.timerElapsedMs;
  return review.timerElapsedMs + Math.max(0, now.getTime() - new Date(review.timerStartedAt).getTime());
}

export function commandTimer(context: SessionContext, input: ParsedInput<'sessions.timer'>): void {
  changeSession(context, input.reviewId, 'state', (review) => {
    const now = context.clock();
    const { db } = context;
    switch (input.command) {
      case 'start':
        if (!review.timerStartedAt)
          db.run(sql`UPDATE reviews SET timer_started_at = ${now.toISOString()} WHERE id = ${review.id}`);
        return;
      case 'pause':
        db.run(
          sql`UPDATE reviews SET timer_started_at = NULL, timer_elapsed_ms = ${elapsedNow(review, now)} WHERE id = ${review.id}`,
        );
        return;
      case 'extend':
        db.run(
          sql`UPDATE reviews SET timer_extra_ms = timer_extra_ms + ${(input.minutes ?? 5) * 60_000} WHERE id = ${review.id}`,
        );
        return;
      case 'reset':
        db.run(
          sql`UPDATE reviews SET timer_started_at = NULL, timer_elapsed_ms = 0, timer_extra_ms = 0 WHERE id = ${review.id}`,
        );
        return;
    }
  });
}

export { elapsedNow };
