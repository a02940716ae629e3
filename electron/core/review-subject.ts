import type { ReviewScope } from '@shared/domain/reviews';
import { sql, type SqlQuery } from './db/sql';

/** What a review is of: a placement, a home, or the pair of organisations. */
export interface ReviewSubject {
  scope: ReviewScope;
  homeId: string | null;
  placementId: string | null;
  commissionerId: string;
  providerId: string;
}

/**
 * The one rule for reviews of the same subject: the same placement; the same home, for a home
 * review; the same two organisations, for a relationship review. Matters arising, the visits a
 * review brings in, the people the next review starts with and the reviews the overview says are
 * due all follow it. As a condition on the reviews table.
 */
export function sameSubject(review: ReviewSubject): SqlQuery {
  switch (review.scope) {
    case 'placement':
      return sql`scope = 'placement' AND placement_id = ${review.placementId}`;
    case 'home':
      return sql`scope = 'home' AND home_id = ${review.homeId}`;
    case 'relationship':
      return sql`scope = 'relationship' AND commissioner_id = ${review.commissionerId} AND provider_id = ${review.providerId}`;
  }
}

/** The same rule as a key, for grouping reviews already read. */
export function subjectKey(review: ReviewSubject): string {
  switch (review.scope) {
    case 'placement':
      return `placement:${review.placementId}`;
    case 'home':
      return `home:${review.homeId}`;
    case 'relationship':
      return `relationship:${review.commissionerId}:${review.providerId}`;
  }
}
