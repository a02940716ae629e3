import { reviewStatusLabel, type Review } from '@shared/domain/reviews';
import { formatDate, formatDateTime } from '@shared/format/dates';
import { hrefFor } from '@renderer/navigation/routes';
import { RecordTable } from '@renderer/ui/RecordPage';
import { reviewName } from '@renderer/ui/reviewName';

/** Past and planned reviews, latest first, with their status and next review date. */
export function ReviewsTable({ reviews }: { reviews: Review[] }) {
  return (
    <RecordTable
      caption="Reviews"
      rows={reviews}
      empty={<p>No reviews yet.</p>}
      columns={[
        { header: 'Review', cell: (r) => <a href={hrefFor('reviews', r.id)}>{reviewName(r)}</a> },
        { header: 'When', cell: (r) => formatDateTime(r.scheduledFor) },
        { header: 'Between', cell: (r) => `${r.commissionerName} and ${r.providerName}` },
        { header: 'Status', cell: (r) => (r.archivedAt ? 'Archived' : reviewStatusLabel(r)) },
        { header: 'Next review', cell: (r) => (r.nextReviewDate ? formatDate(r.nextReviewDate) : '') },
      ]}
    />
  );
}
