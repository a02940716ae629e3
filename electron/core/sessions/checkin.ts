import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { CheckinHistoryEntry } from '@shared/domain/checkin-history';
import type { CheckinView, SellickFeature, TurnSide } from '@shared/domain/sessions';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import type { SessionContext } from './context';
import { changeSession } from './review-state';

type Ratings = Record<SellickFeature, { score: number; word: string }>;

/** Each side rates privately; nothing is shown until both have, then both together. */
export function readCheckin({ db }: SessionContext, reviewId: string): CheckinView {
  const rows = db.all<{ side: TurnSide; ratings: string }>(
    sql`SELECT side, ratings FROM checkins WHERE review_id = ${reviewId}`,
  );
  const submitted = {
    commissioner: rows.some((r) => r.side === 'commissioner'),
    provider: rows.some((r) => r.side === 'provider'),
  };
  const revealed = submitted.commissioner && submitted.provider;
  const ratings = revealed
    ? (Object.fromEntries(rows.map((row) => [row.side, JSON.parse(row.ratings) as Ratings])) as Record<
        TurnSide,
        Ratings
      >)
    : null;
  return { submitted, revealed, ratings };
}

export function submitCheckin(context: SessionContext, input: ParsedInput<'checkin.submit'>): CheckinView {
  changeSession(context, input.reviewId, 'state', (review) => {
    if (readCheckin(context, review.id).revealed) {
      throw new ApiError('conflict', 'Both sides have rated and the ratings are shown, so they stay as they are.');
    }
    context.db.run(sql`
      INSERT INTO checkins (review_id, side, ratings, submitted_at) VALUES (${review.id}, ${input.side}, ${JSON.stringify(input.ratings)}, ${isoNow(context.clock)})
      ON CONFLICT (review_id, side) DO UPDATE SET ratings = excluded.ratings, submitted_at = excluded.submitted_at`);
  });
  return readCheckin(context, input.reviewId);
}

/** Revealed check-ins across the reviews of a home, a placement or a pair of organisations, oldest first. */
export function checkinHistory({ db }: SessionContext, input: ParsedInput<'checkin.history'>): CheckinHistoryEntry[] {
  const rows = db.records<{
    reviewId: string;
    title: string;
    scheduledFor: string;
    commissioner: string;
    provider: string;
  }>(sql`
    SELECT reviews.id AS review_id, reviews.title, reviews.scheduled_for,
           c.ratings AS commissioner, p.ratings AS provider
    FROM reviews
    JOIN checkins AS c ON c.review_id = reviews.id AND c.side = 'commissioner'
    JOIN checkins AS p ON p.review_id = reviews.id AND p.side = 'provider'
    WHERE reviews.archived_at IS NULL
      AND (${input.homeId ?? null} IS NULL OR reviews.home_id = ${input.homeId ?? null})
      AND (${input.placementId ?? null} IS NULL OR reviews.placement_id = ${input.placementId ?? null})
      AND (${input.organisationId ?? null} IS NULL OR reviews.commissioner_id = ${input.organisationId ?? null} OR reviews.provider_id = ${input.organisationId ?? null})
    ORDER BY reviews.scheduled_for`);
  return rows.map(({ commissioner, provider, ...review }) => ({
    ...review,
    ratings: { commissioner: JSON.parse(commissioner) as Ratings, provider: JSON.parse(provider) as Ratings },
  }));
}
