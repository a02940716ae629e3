import { visitKindLabels, type VisitSummary } from '@shared/domain/visits';
import { formatDateTime } from '@shared/format/dates';
import { hrefFor } from '@renderer/navigation/routes';
import { RecordTable } from './RecordPage';

/** Visits to homes, as the core lists them (newest first): each opens its visit. */
export function VisitsTable({
  visits,
  caption,
  showHome = true,
}: {
  visits: VisitSummary[];
  caption: string;
  showHome?: boolean;
}) {
  return (
    <RecordTable
      caption={caption}
      rows={visits}
      empty={<p>No visits recorded yet.</p>}
      columns={[
        { header: 'When', cell: (v) => <a href={hrefFor('visits', v.id)}>{formatDateTime(v.visitedAt)}</a> },
        ...(showHome ? [{ header: 'Home', cell: (v: VisitSummary) => v.homeName }] : []),
        { header: 'Kind', cell: (v) => visitKindLabels[v.kind] },
        { header: 'Visitors', cell: (v) => v.visitors.map((visitor) => visitor.name).join(', ') },
        { header: 'Notes', cell: (v) => v.noteCount },
      ]}
    />
  );
}
