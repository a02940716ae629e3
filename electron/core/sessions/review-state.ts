import { ApiError } from '@shared/api/errors';
import { defaultTimeBoxes, stages, type Stage, type TurnSide } from '@shared/domain/sessions';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import { notFound } from '@core/casebook/records';
import type { SessionContext } from './context';

export interface ReviewState {
  id: string;
  scope: 'home' | 'placement' | 'relationship';
  homeId: string | null;
  placementId: string | null;
  commissionerId: string;
  providerId: string;
  title: string;
  scheduledFor: string;
  status: 'planned' | 'in_progress' | 'concluded' | 'signed';
  purpose: string;
  affirmativeTopic: string;
  apologies: string;
  deckId: string | null;
  timeBoxes: string;
  stage: Stage;
  turn: TurnSide;
  timerStartedAt: string | null;
  timerElapsedMs: number;
  timerExtraMs: number;
}

export function readReview({ db }: SessionContext, reviewId: string): ReviewState {
  const review = db.record<ReviewState>(sql`
    SELECT id, scope, home_id, placement_id, commissioner_id, provider_id, title, scheduled_for, status, purpose, affirmative_topic,
           apologies, deck_id, time_boxes, stage, turn, timer_started_at, timer_elapsed_ms, timer_extra_ms
    FROM reviews WHERE id = ${reviewId}`);
  if (!review) throw notFound('review');
  return review;
}

export function timeBoxesOf(review: ReviewState): Record<Stage, number> {
  const stored = JSON.parse(review.timeBoxes) as Partial<Record<Stage, number>>;
  return Object.fromEntries(stages.map((stage) => [stage, stored[stage] ?? defaultTimeBoxes[stage]])) as Record<
    Stage,
    number
  >;
}

/**
 * Every change to a running review goes through here: it refuses a concluded review, marks a
 * planned one as under way, runs the change in one transaction and tells every window.
 */
export function changeSession<T>(
  context: SessionContext,
  reviewId: string,
  part: 'state' | 'notes',
  change: (review: ReviewState) => T,
): T {
  const result = context.db.transaction(() => {
    const review = readReview(context, reviewId);
    if (review.status === 'concluded' || review.status === 'signed') {
      throw new ApiError(
        'conflict',
        'This review is concluded, so its record is fixed. Corrections belong in its minutes.',
      );
    }
    if (review.status === 'planned') {
      context.db.run(
        sql`UPDATE reviews SET status = 'in_progress', updated_at = ${isoNow(context.clock)} WHERE id = ${reviewId}`,
      );
    }
    return change(review);
  });
  context.events.emit('session.changed', { reviewId, part });
  return result;
}
