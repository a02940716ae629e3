import type { Review } from '@shared/domain/reviews';
import { formatDate } from '@shared/format/dates';

/**
 * A review named with its day, “Placement review: AB12 at Oakwood House, 3 December 2026”: every
 * review of a home or placement has the same title, so the day tells them apart in lists and
 * headings.
 */
export function reviewName(review: Pick<Review, 'title'> & Partial<Pick<Review, 'scheduledFor'>>): string {
  return review.scheduledFor ? `${review.title}, ${formatDate(review.scheduledFor)}` : review.title;
}
